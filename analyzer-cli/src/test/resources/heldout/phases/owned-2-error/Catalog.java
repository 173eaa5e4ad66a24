// Catalog and segments of the owned-1/2 cases: Catalog.register holds the catalog and pins a segment
// (Catalog -> Segment); an uploading segment that runs out of chunks holds itself and reports back
// (Segment -> Catalog). Why the case can or cannot deadlock: the first lines of Operator.java.
package heldout.phases.owned2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class Catalog {
    private final String target;
    private final Map<String, Segment> segments = new HashMap<>();
    private int uploaded;

    public Catalog(String target) {
        this.target = target;
    }

    synchronized void register(String table) {
        Segment segment = segments.get(table);
        if (segment == null) {
            segment = new Segment(table);
            segments.put(table, segment);
        }
        segment.pin(); // expect: LC007 error
    }

    void uploadAll() {
        List<Segment> toUpload;
        synchronized (this) {
            toUpload = new ArrayList<>(segments.values());
        }
        for (Segment segment : toUpload) {
            segment.upload(this);
        }
    }

    synchronized void segmentUploaded(String table) {
        uploaded++;
    }

    synchronized String summary() {
        return target + ": " + uploaded + "/" + segments.size();
    }
}

final class Segment implements Runnable {
    private final String table;
    private int chunks = 4;
    private Catalog catalog;

    Segment(String table) {
        this.table = table;
    }

    synchronized void pin() {
        chunks++;
    }

    synchronized void upload(Catalog owner) {
        this.catalog = owner;
        new Thread(this, "upload-" + table).start();
    }

    @Override
    public void run() {
        while (sendChunk()) {
            Thread.onSpinWait();
        }
    }

    private synchronized boolean sendChunk() {
        if (chunks > 0) {
            chunks--;
            return true;
        }
        catalog.segmentUploaded(table); // expect: LC007 error
        return false;
    }
}
