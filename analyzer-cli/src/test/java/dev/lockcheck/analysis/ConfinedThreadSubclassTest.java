package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code Thread} subclass built in a local and configured before {@code start()}: its
 * construction through {@code Thread}'s constructor does not publish it, so the order its
 * configuration takes (poller, then a task) inverts nothing the started thread does later
 * (task, then poller). Started first, the same calls race the poller thread: LC007.
 */
class ConfinedThreadSubclassTest {
    private static final String[] POLLER = {
        "package tick;",
        "",
        "import java.util.ArrayList;",
        "import java.util.List;",
        "",
        "public final class Poller extends Thread {",
        "    private final List<Task> tasks = new ArrayList<>();",
        "    private long rounds;",
        "",
        "    public Poller() {",
        "        super(\"poller\");",
        "        setDaemon(true);",
        "    }",
        "",
        "    public synchronized void add(Task t, long every) {",
        "        tasks.add(t);",
        "        t.every(every);",
        "    }",
        "",
        "    @Override",
        "    public void run() {",
        "        while (!isInterrupted()) {",
        "            for (Task t : copy()) t.poll(this);",
        "        }",
        "    }",
        "",
        "    private synchronized List<Task> copy() {",
        "        return new ArrayList<>(tasks);",
        "    }",
        "",
        "    synchronized void polled() {",
        "        rounds++;",
        "    }",
        "}",
        "",
        "final class Task {",
        "    private long every;",
        "",
        "    synchronized void every(long ms) {",
        "        every = ms;",
        "    }",
        "",
        "    synchronized void poll(Poller p) {",
        "        if (every > 0) p.polled();",
        "    }",
        "}"};

    private static final String[] SETUP = {
        "package tick;",
        "",
        "public final class Setup {",
        "    public void begin() {",
        "        Poller p = new Poller();",
        "        p.add(new Task(), 50);",
        "        p.add(new Task(), 10);",
        "        p.start();",
        "    }",
        "}"};

    /** The look-alike that races: the poller is started before the tasks are added. */
    private static final String[] SETUP_STARTED = Fixture.replacing(SETUP, "p.add(new Task(), 50);", "p.start();",
            "        p.start();",
            "        p.add(new Task(), 50);",
            "        p.add(new Task(), 10);");

    @TempDir
    Path dir;

    @Test
    void threadSubclassConfiguredBeforeStart_isConfined() {
        new Fixture(dir)
                .file("tick/Poller.java", POLLER)
                .file("tick/Setup.java", SETUP)
                .assertClean();
    }

    @Test
    void threadSubclassStartedBeforeItIsConfigured_isAnInversion() {
        String[] poller = POLLER.clone();
        for (int i = 0; i < poller.length; i++) {
            if (poller[i].strip().equals("t.every(every);")) poller[i] += " // expect: LC007";
            if (poller[i].strip().equals("if (every > 0) p.polled();")) poller[i] += " // expect: LC007";
        }
        new Fixture(dir)
                .file("tick/Poller.java", poller)
                .file("tick/Setup.java", SETUP_STARTED)
                .assertExactlyMarked();
    }
}
