// Models: HDFS-style namesystem lock taken through doLock(boolean write); readLock()/writeLock() pass constants.
package heldout.helper1;

import java.util.concurrent.locks.ReentrantReadWriteLock;

public class FsNamesystem {
    private final ReentrantReadWriteLock fsLock = new ReentrantReadWriteLock(true);
    private boolean inSafeMode;

    public void readLock() {
        doLock(false);
    }

    public void readUnlock() {
        doUnlock(false);
    }

    public void writeLock() {
        doLock(true);
    }

    public void writeUnlock() {
        doUnlock(true);
    }

    private void doLock(boolean write) {
        if (write) {
            fsLock.writeLock().lock();
        } else {
            fsLock.readLock().lock();
        }
    }

    private void doUnlock(boolean write) {
        if (write) {
            fsLock.writeLock().unlock();
        } else {
            fsLock.readLock().unlock();
        }
    }

    public boolean isInSafeMode() {
        return inSafeMode;
    }

    public void leaveSafeMode() {
        writeLock();
        try {
            inSafeMode = false;
        } finally {
            writeUnlock();
        }
    }
}
