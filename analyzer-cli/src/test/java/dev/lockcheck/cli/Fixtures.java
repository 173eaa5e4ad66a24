package dev.lockcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Java sources the CLI tests scan: the seed scenario, its writer, and a file that does not parse. */
final class Fixtures {
    private Fixtures() {
    }

    static Path writeProject(Path root) throws IOException {
        Path pkg = Files.createDirectories(root.resolve("src/main/java/acme"));
        Files.writeString(pkg.resolve("Cache.java"), """
                package acme;

                import java.util.ArrayList;
                import java.util.List;
                import java.util.concurrent.SynchronousQueue;
                import java.util.concurrent.locks.ReentrantReadWriteLock;

                public class Cache {
                    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
                    private final List<String> items = new ArrayList<>();

                    public void stream(SynchronousQueue<String> out) throws InterruptedException {
                        lock.readLock().lock();
                        try {
                            for (String i : items) out.put(i); // expect: LC001
                        } finally {
                            lock.readLock().unlock();
                        }
                    }

                    public String get(int i) {
                        lock.readLock().lock();
                        try {
                            return items.get(i);
                        } finally {
                            lock.readLock().unlock();
                        }
                    }

                    public void refresh(List<String> fresh) {
                        lock.writeLock().lock();
                        try {
                            items.clear();
                            items.addAll(fresh);
                        } finally {
                            lock.writeLock().unlock();
                        }
                    }
                }
                """);
        Files.writeString(pkg.resolve("Upgrade.java"), """
                package acme;

                import java.util.concurrent.locks.ReentrantReadWriteLock;

                public class Upgrade {
                    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
                    private int value;

                    public void bump() {
                        rw.readLock().lock();
                        try {
                            if (value == 0) {
                                rw.writeLock().lock(); // expect: LC002
                                try {
                                    value++;
                                } finally {
                                    rw.writeLock().unlock();
                                }
                            }
                        } finally {
                            rw.readLock().unlock();
                        }
                    }
                }
                """);
        Files.writeString(pkg.resolve("Broken.java"), "package acme;\nclass Broken { java.util.concurrent.locks.Lock l; void m( { }\n");
        return root;
    }
}
