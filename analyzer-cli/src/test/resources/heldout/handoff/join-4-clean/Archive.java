// Clean: snapshot() holds dataLock.read across join() of an indexer thread whose run takes indexLock.write, another
// lock instance (both locks have writers). The indexer waits for no reader of dataLock, so it ends and the join
// returns. Not the same lock: a different field, even of the same type in the same class.
package heldout.handoff.join4;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Archive {
    private final ReentrantReadWriteLock dataLock = new ReentrantReadWriteLock();
    private final ReentrantReadWriteLock indexLock = new ReentrantReadWriteLock();
    private final List<String> files = new ArrayList<>();
    private final TreeMap<String, Integer> index = new TreeMap<>();

    public List<String> snapshot() throws InterruptedException {
        dataLock.readLock().lock();
        try {
            List<String> copy = new ArrayList<>(files);
            Thread indexer = new Thread(() -> reindex(copy), "indexer");
            indexer.start();
            indexer.join();
            return copy;
        } finally {
            dataLock.readLock().unlock();
        }
    }

    private void reindex(List<String> names) {
        indexLock.writeLock().lock();
        try {
            index.clear();
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
        } finally {
            indexLock.writeLock().unlock();
        }
    }

    public void add(String file) {
        dataLock.writeLock().lock();
        try {
            files.add(file);
        } finally {
            dataLock.writeLock().unlock();
        }
    }

    public Integer position(String file) {
        indexLock.readLock().lock();
        try {
            return index.get(file);
        } finally {
            indexLock.readLock().unlock();
        }
    }
}
