// Models: a caller whose snapshot action adds to the same list: the add takes the write lock after the helper released the read lock.
package heldout.callback4;

public class Deduper {
    private final SnapshotList<String> names = new SnapshotList<>();

    public void addIfAbsent(String name) {
        names.forSnapshot(snapshot -> {
            if (!snapshot.contains(name)) {
                names.add(name);
            }
        });
    }
}
