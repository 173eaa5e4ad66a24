// Models: Hadoop AutoCloseableLock (library type, no stub here): a read handle re-acquired through a helper that opens the same read handle (nested read).
package heldout.handle7;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.hadoop.util.AutoCloseableLock;

public class FsVolumeList {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock(true);
    private final AutoCloseableLock readLock = new AutoCloseableLock(rw.readLock());
    private final AutoCloseableLock writeLock = new AutoCloseableLock(rw.writeLock());
    private final List<String> volumes = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    public int healthyCount() {
        try (AutoCloseableLock l = readLock.acquire()) {
            return volumes.size() - failedCount(); // expect: LC004
        }
    }

    public int failedCount() {
        try (AutoCloseableLock l = readLock.acquire()) {
            return failed.size();
        }
    }

    public void markFailed(String volume) {
        try (AutoCloseableLock l = writeLock.acquire()) {
            failed.add(volume);
        }
    }
}
