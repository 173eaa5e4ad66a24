package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the default scan (the prefilter) must parse to see a handoff under a lock: a queue reached
 * as a field of another object ({@code hub.lane.put(x)}) whose class is in a file of its own; the
 * syntax cannot type {@code hub.lane} until that file is parsed, so the class of {@code hub} is
 * what the call under the lock needs.
 */
class PrefilterReachTest {
    private static final String[] EXCHANGE = {
        "package relay;",
        "",
        "import java.util.ArrayList;",
        "import java.util.List;",
        "import java.util.concurrent.locks.ReentrantReadWriteLock;",
        "",
        "public class Exchange {",
        "    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
        "    private final List<String> quotes = new ArrayList<>();",
        "    private final Hub hub = new Hub();",
        "",
        "    public Exchange() {",
        "        new Thread(() -> {",
        "            try {",
        "                while (true) record(hub.lane.take());",
        "            } catch (InterruptedException e) {",
        "                Thread.currentThread().interrupt();",
        "            }",
        "        }).start();",
        "    }",
        "",
        "    public void broadcast() throws InterruptedException {",
        "        rw.readLock().lock();",
        "        try {",
        "            for (String q : quotes) hub.lane.put(q); // expect: LC001",
        "        } finally {",
        "            rw.readLock().unlock();",
        "        }",
        "    }",
        "",
        "    private void record(String q) {",
        "        rw.writeLock().lock();",
        "        try {",
        "            quotes.add(q);",
        "        } finally {",
        "            rw.writeLock().unlock();",
        "        }",
        "    }",
        "}"};

    private static final String[] HUB = {
        "package relay;",
        "",
        "import java.util.concurrent.SynchronousQueue;",
        "",
        "final class Hub {",
        "    final SynchronousQueue<String> lane = new SynchronousQueue<>();",
        "}"};

    @TempDir
    Path dir;

    @Test
    void queueReachedAsAFieldOfAnotherClass_isParsedAndSeen_defaultScan() {
        new Fixture(dir)
                .file("relay/Exchange.java", EXCHANGE)
                .file("relay/Hub.java", HUB)
                .assertExactlyMarked();
    }
}
