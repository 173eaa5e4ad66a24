// A Thread subclass of the sources whose run() rewrites the store under its write lock.
package heldout.handoff.join1;

final class Compactor extends Thread {
    private final SegmentStore store;

    Compactor(SegmentStore store) {
        super("compactor");
        this.store = store;
    }

    @Override
    public void run() {
        store.rewrite();
    }
}
