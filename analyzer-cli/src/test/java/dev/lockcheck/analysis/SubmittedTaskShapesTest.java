package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task handed to {@code submit} runs on another thread, even when the sources hold an executor
 * whose {@code submit} runs it in place (a test double, a direct executor): the lock the submitting
 * code holds is not held by the task, so the task's locks are no order after it. Cassandra's
 * {@code StreamSession.closeSession} submits exactly such a task to avoid a deadlock; following
 * the in-place executor reported two false LC007 errors there (full parse).
 */
class SubmittedTaskShapesTest {
    private static final String[] EXECUTORS = {
        "package exec;",
        "",
        "public interface Tasks {",
        "    void submit(Runnable task);",
        "",
        "    /** Runs the task in place: for tests. */",
        "    final class InPlace implements Tasks {",
        "        @Override",
        "        public void submit(Runnable task) {",
        "            task.run();",
        "        }",
        "    }",
        "}"};

    private static final String[] SESSION = {
        "package exec;",
        "",
        "public class Session {",
        "    private final Object closeLock = new Object();",
        "    private final Tasks tasks;",
        "    private boolean closed;",
        "",
        "    public Session(Tasks tasks) {",
        "        this.tasks = tasks;",
        "    }",
        "",
        "    public void close() {",
        "        synchronized (closeLock) {",
        "            tasks.submit(() -> {",
        "                synchronized (this) {",
        "                    closed = true;",
        "                }",
        "            });",
        "        }",
        "    }",
        "",
        "    public synchronized void onError() {",
        "        synchronized (closeLock) {",
        "            closed = true;",
        "        }",
        "    }",
        "}"};

    /** The same task run by a method that runs it before returning: an order, and with the other path a cycle. */
    private static final String[] SESSION_RUN = Fixture.replacing(SESSION, "tasks.submit(() -> {", "});",
            "            runNow(() -> {",
            "                synchronized (this) { // expect: LC007",
            "                    closed = true;",
            "                }",
            "            });");

    /** {@link #SESSION_RUN} with the other path's inner acquisition marked. */
    private static final String[] SESSION_RUN_MARKED = Fixture.replacing(SESSION_RUN, "public synchronized void onError() {", "closed = true;",
            "    public synchronized void onError() {",
            "        synchronized (closeLock) { // expect: LC007",
            "            closed = true;");

    private static final String[] RUN_NOW = {
        "",
        "    private void runNow(Runnable r) {",
        "        r.run();",
        "    }",
        "}"};

    @TempDir
    Path dir;

    @Test
    void taskSubmittedUnderALock_holdsNothing_evenWithAnInPlaceExecutorInTheSources() {
        new Fixture(dir).fullParse()
                .file("exec/Tasks.java", EXECUTORS)
                .file("exec/Session.java", SESSION)
                .assertClean();
    }

    @Test
    void theSameTaskRunInPlaceByAHelper_isAnOrder() {
        // SESSION_RUN_MARKED without its closing brace, then the helper and the brace
        String[] withHelper = java.util.stream.Stream.concat(
                java.util.Arrays.stream(SESSION_RUN_MARKED, 0, SESSION_RUN_MARKED.length - 1), java.util.Arrays.stream(RUN_NOW)).toArray(String[]::new);
        new Fixture(dir).fullParse()
                .file("exec/Tasks.java", EXECUTORS)
                .file("exec/Session.java", withHelper)
                .assertExactlyMarked();
    }
}
