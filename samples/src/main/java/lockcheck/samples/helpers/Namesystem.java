package lockcheck.samples.helpers;

import java.util.HashMap;
import java.util.Map;

/**
 * Bad: {@link #mkdirs} asks for the namespace write lock while it holds the read lock, both
 * through {@link NamespaceLock}'s helpers (LC002). {@link #mkdirsFixed} releases first and checks
 * again; {@link #list} and {@link #create} take one lock each (clean).
 */
public class Namesystem {
    private final NamespaceLock fsLock = new NamespaceLock();
    private final Map<String, String> dirs = new HashMap<>();

    public void mkdirs(String path) {
        fsLock.readLock();
        try {
            if (!dirs.containsKey(path)) {
                fsLock.writeLock(); // expect: LC002
                try {
                    dirs.put(path, path);
                } finally {
                    fsLock.writeUnlock();
                }
            }
        } finally {
            fsLock.readUnlock();
        }
    }

    public void mkdirsFixed(String path) {
        fsLock.readLock();
        try {
            if (dirs.containsKey(path)) return;
        } finally {
            fsLock.readUnlock();
        }
        fsLock.writeLock();
        try {
            dirs.putIfAbsent(path, path);
        } finally {
            fsLock.writeUnlock();
        }
    }

    public String list(String path) {
        fsLock.readLock();
        try {
            return dirs.get(path);
        } finally {
            fsLock.readUnlock();
        }
    }

    public void create(String path) {
        fsLock.writeLock();
        try {
            dirs.put(path, path);
        } finally {
            fsLock.writeUnlock();
        }
    }
}
