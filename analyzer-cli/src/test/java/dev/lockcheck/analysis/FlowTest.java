package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-lock flow through real control flow, probed with LC001 (read lock across a handoff)
 * and LC005 (unsafe release). Every fixture has a writer so LC001 applies.
 */
class FlowTest {
    @TempDir
    Path dir;

    private static final String HEADER = "import java.util.concurrent.*; import java.util.concurrent.locks.*;";
    private static final String WRITER = "  void write() { rw.writeLock().lock(); try { n++; } finally { rw.writeLock().unlock(); } }";

    private Fixture cls(String... body) {
        String[] lines = new String[body.length + 5];
        lines[0] = HEADER;
        lines[1] = "class C {";
        lines[2] = "  final ReentrantReadWriteLock rw = new ReentrantReadWriteLock(); int n; final BlockingQueue<String> q = new ArrayBlockingQueue<>(1);";
        lines[3] = WRITER;
        System.arraycopy(body, 0, lines, 4, body.length);
        lines[lines.length - 1] = "}";
        return new Fixture(dir).file("C.java", lines);
    }

    @Test
    void tryLockSuccessBranch_holdsTheLock_failureBranchDoesNot() {
        cls("  void m() throws Exception {",
            "    if (rw.readLock().tryLock()) {",
            "      try { q.take(); } finally { rw.readLock().unlock(); } // expect: LC001",
            "    } else {",
            "      q.take();",
            "    }",
            "  }").assertExactlyMarked();
    }

    @Test
    void negatedTryLockWithEarlyReturn_holdsAfterTheIf() {
        cls("  void m() throws Exception {",
            "    if (!rw.readLock().tryLock(1, TimeUnit.SECONDS)) return;",
            "    try { q.put(\"x\"); } finally { rw.readLock().unlock(); } // expect: LC001",
            "  }").assertExactlyMarked();
    }

    @Test
    void handoffAfterReleaseInFinally_isClean() {
        cls("  void m() throws Exception {",
            "    rw.readLock().lock();",
            "    try { n++; } finally { rw.readLock().unlock(); }",
            "    q.take();",
            "  }").assertClean();
    }

    @Test
    void lockTakenOnOnlyOneBranch_isNotHeldAfterTheJoin() {
        cls("  void m(boolean b) throws Exception {",
            "    if (b) rw.readLock().lock();",
            "    q.take();",
            "    if (b) rw.readLock().unlock();",
            "  }").assertClean();
    }

    @Test
    void loopBreakWithLockHeld_holdsAfterTheLoop() {
        cls("  void m() throws Exception {",
            "    for (;;) {",
            "      if (rw.readLock().tryLock()) break;",
            "      Thread.sleep(10);",
            "    }",
            "    try { q.take(); } finally { rw.readLock().unlock(); } // expect: LC001",
            "  }").assertExactlyMarked();
    }

    @Test
    void lambdaSubmittedUnderTheLock_runsElsewhereAndIsClean() {
        cls("  void m(ExecutorService ex) {",
            "    rw.readLock().lock();",
            "    try { ex.submit(() -> q.take()); } finally { rw.readLock().unlock(); }",
            "  }").assertClean();
    }

    @Test
    void lambdaBodyThatLocksAndBlocks_isItsOwnBody() {
        cls("  void m(ExecutorService ex) {",
            "    ex.submit(() -> {",
            "      rw.readLock().lock();",
            "      try { return q.take(); } finally { rw.readLock().unlock(); } // expect: LC001",
            "    });",
            "  }").assertExactlyMarked();
    }

    @Test
    void anonymousClassMethod_isItsOwnBodyWithOuterFields() {
        cls("  Runnable m() {",
            "    return new Runnable() { public void run() {",
            "      rw.readLock().lock();",
            "      try { q.take(); } catch (InterruptedException e) { } finally { rw.readLock().unlock(); } // expect: LC001",
            "    } };",
            "  }").assertExactlyMarked();
    }

    @Test
    void handoffTwoPrivateCallsDeep_isReportedAtTheCallInTheHoldingMethod() {
        cls("  void m() throws Exception {",
            "    rw.readLock().lock();",
            "    try { a(); } finally { rw.readLock().unlock(); } // expect: LC001",
            "  }",
            "  private void a() throws Exception { b(); }",
            "  private void b() throws Exception { q.put(\"x\"); }").assertExactlyMarked();
    }

    @Test
    void calleeThatReleasesTheCallersLockFirst_doesNotBlockUnderIt() {
        cls("  void m() throws Exception {",
            "    rw.readLock().lock();",
            "    unlockThenWait();",
            "  }",
            "  private void unlockThenWait() throws Exception { rw.readLock().unlock(); q.take(); }").assertClean();
    }

    @Test
    void directRecursion_terminatesAndSeesItsOwnAcquisition() {
        cls("  void m(int k) throws Exception {",
            "    rw.readLock().lock();",
            "    try { if (k > 0) m(k - 1); q.take(); } finally { rw.readLock().unlock(); } // expect: LC001 LC004",
            "  }").assertExactlyMarked();
    }

    @Test
    void switchAndNestedTry_keepTheHold() {
        cls("  void m(int k) throws Exception {",
            "    rw.readLock().lock();",
            "    try {",
            "      switch (k) {",
            "        case 1: try { q.take(); } finally { n++; } break; // expect: LC001",
            "        default: n--;",
            "      }",
            "    } finally { rw.readLock().unlock(); }",
            "  }").assertExactlyMarked();
    }

    @Test
    void callBetweenLockAndTry_isAnUnsafeRelease() {
        cls("  void m() {",
            "    rw.readLock().lock(); // expect: LC005",
            "    String s = String.valueOf(n);",
            "    try { n += s.length(); } finally { rw.readLock().unlock(); }",
            "  }").assertExactlyMarked();
    }

    @Test
    void throwWhileHoldingWithoutFinally_isAnUnsafeRelease() {
        cls("  void m(boolean bad) {",
            "    rw.writeLock().lock(); // expect: LC005",
            "    if (bad) throw new IllegalStateException();",
            "    rw.writeLock().unlock();",
            "  }").assertExactlyMarked();
    }
}
