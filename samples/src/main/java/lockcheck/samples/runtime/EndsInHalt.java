package lockcheck.samples.runtime;

/**
 * {@link LockOrderInversion}'s run, then {@code Runtime.halt}: no shutdown hook runs, yet the agent's
 * report holds the LC204 found in the run (it is finished before the halt goes ahead).
 */
public final class EndsInHalt {
    public static void main(String[] args) throws Exception {
        LockOrderInversion.main(args);
        Runtime.getRuntime().halt(3);
    }
}
