// Models: a compactor that read-locks a segment through its getter, then appends a tombstone to the same segment (write lock).
package heldout.helper3;

public class Compactor {
    private final SegmentTable table;

    public Compactor(SegmentTable table) {
        this.table = table;
    }

    public void compact(long offset) {
        Segment seg = table.segmentFor(offset);
        seg.getLock().readLock().lock();
        try {
            if (seg.size() > 1000) {
                seg.append(new byte[0]); // expect: LC002
            }
        } finally {
            seg.getLock().readLock().unlock();
        }
    }
}
