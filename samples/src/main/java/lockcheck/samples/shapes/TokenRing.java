package lockcheck.samples.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Locks are named by field, but re-acquisition is about one object: under this ring's read lock,
 * updating a fresh copy takes the copy's write lock, not ours (clean; the shape of Cassandra's
 * TokenMetadata.cloneAfterAllSettled). The same update on this ring is an upgrade.
 */
public class TokenRing {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<String> endpoints = new ArrayList<>();

    public TokenRing cloneWithout(List<String> leaving) {
        lock.readLock().lock();
        try {
            TokenRing copy = new TokenRing();
            copy.endpoints.addAll(endpoints);
            for (String e : leaving) copy.remove(e);
            return copy;
        } finally {
            lock.readLock().unlock();
        }
    }

    public void pruneInPlace(List<String> leaving) {
        lock.readLock().lock();
        try {
            for (String e : leaving) this.remove(e); // expect: LC002
        } finally {
            lock.readLock().unlock();
        }
    }

    public void remove(String endpoint) {
        lock.writeLock().lock();
        try {
            endpoints.remove(endpoint);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
