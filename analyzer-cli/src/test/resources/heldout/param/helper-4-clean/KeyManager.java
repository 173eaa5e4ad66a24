// Models: Ozone-style lock(Lock)/unlock(Lock) helpers: each lock is really released by unlock(l) before the next is taken, so opposite sequences are no inversion.
package heldout.helper4;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

public class KeyManager {
    private final Lock volumeLock = new ReentrantLock();
    private final Lock bucketLock = new ReentrantLock();
    private final Map<String, String> volumes = new HashMap<>();
    private final Map<String, String> buckets = new HashMap<>();

    private static void lock(Lock l) {
        l.lock();
    }

    private static void unlock(Lock l) {
        l.unlock();
    }

    public void createKey(String volume, String bucket) {
        String owner;
        lock(volumeLock);
        try {
            owner = volumes.get(volume);
        } finally {
            unlock(volumeLock);
        }
        lock(bucketLock);
        try {
            buckets.put(bucket, owner);
        } finally {
            unlock(bucketLock);
        }
    }

    public void deleteBucket(String volume, String bucket) {
        lock(bucketLock);
        try {
            buckets.remove(bucket);
        } finally {
            unlock(bucketLock);
        }
        lock(volumeLock);
        try {
            volumes.remove(volume + "/" + bucket);
        } finally {
            unlock(volumeLock);
        }
    }
}
