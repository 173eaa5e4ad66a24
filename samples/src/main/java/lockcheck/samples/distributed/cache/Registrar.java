package lockcheck.samples.distributed.cache;

/** Registers a name and its alias: an update of {@link Registry#NAMES}, called from inside its own computeIfAbsent. */
final class Registrar {
    private Registrar() {
    }

    static String registerAlias(String name) {
        String alias = name.toLowerCase(java.util.Locale.ROOT);
        Registry.NAMES.putIfAbsent(alias, name);
        return alias;
    }
}
