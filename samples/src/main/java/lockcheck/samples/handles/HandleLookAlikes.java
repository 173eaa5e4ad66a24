package lockcheck.samples.handles;

import java.io.StringReader;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Clean look-alikes of {@link HandleUpgrade}: a try-with-resources whose resource takes no lock,
 * a write handle taken after the read handle's block closed, and a write handle under which the
 * read handle is taken (a downgrade, legal).
 */
public class HandleLookAlikes {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final LockHandle readHandle = new LockHandle(rw.readLock());
    private final LockHandle writeHandle = new LockHandle(rw.writeLock());
    private int value;

    public int parse(String s) throws java.io.IOException {
        try (StringReader in = new StringReader(s)) {
            try (LockHandle w = writeHandle.acquire()) {
                value = in.read();
                return value;
            }
        }
    }

    public void readThenWrite() {
        try (LockHandle r = readHandle.acquire()) {
            System.out.println(value);
        }
        try (LockHandle w = writeHandle.acquire()) {
            value++;
        }
    }

    public int writeThenRead() {
        try (LockHandle w = writeHandle.acquire()) {
            value++;
            try (LockHandle r = readHandle.acquire()) {
                return value;
            }
        }
    }
}
