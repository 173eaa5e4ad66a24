// Models: segments looked up by a table; the getter returns the segment's lock.
package heldout.helper3;

import java.util.concurrent.ConcurrentSkipListMap;

public class SegmentTable {
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();

    public Segment segmentFor(long offset) {
        return segments.floorEntry(offset).getValue();
    }
}
