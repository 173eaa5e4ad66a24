package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.lockcheck.model.LockMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock identity: which field or local names a lock, and which mode an expression denotes. */
class LockModelTest {
    @TempDir
    Path dir;

    private static final String SOURCE = String.join("\n",
            "package acme;",
            "import java.util.concurrent.locks.*;",
            "class Cache {",
            "  final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
            "  final ReadWriteLock typed = new ReentrantReadWriteLock();",
            "  final Lock r = rw.readLock();",
            "  final ReentrantReadWriteLock.WriteLock w = rw.writeLock();",
            "  final Lock ctor;",
            "  static final ReentrantLock GLOBAL = new ReentrantLock();",
            "  final StampedLock sl = new StampedLock();",
            "  final Lock slRead = sl.asReadLock();",
            "  Cache() { this.ctor = rw.readLock(); }",
            "  Lock lock() { return rw.writeLock(); }",
            "  void use() {",
            "    r.lock();",
            "    w.lock();",
            "    ctor.lock();",
            "    Lock local = rw.readLock();",
            "    local.lock();",
            "    var inferred = typed.writeLock();",
            "    inferred.lock();",
            "    Cache.GLOBAL.lock();",
            "    GLOBAL.lock();",
            "    slRead.lock();",
            "    sl.asWriteLock().lock();",
            "    sl.asReadWriteLock().readLock().lock();",
            "    lock().lock();",
            "    this.rw.readLock().lock();",
            "    new ReentrantLock().lock();",
            "  }",
            "}");

    private Resolver resolver() {
        CompilationUnit cu = StaticJavaParser.parse(SOURCE);
        ParsedFile pf = new ParsedFile(new SourceFile(dir.resolve("Cache.java"), "Cache.java", "Cache.java"), cu, SOURCE);
        return new Resolver(new ProjectIndex(List.of(pf)));
    }

    private LockRef lockedAt(Resolver res, int line) {
        CompilationUnit cu = res.index().types().get(0).file.unit();
        MethodCallExpr call = cu.findAll(MethodCallExpr.class).stream()
                .filter(m -> m.getNameAsString().equals("lock") && m.getBegin().get().line == line)
                .findFirst().orElseThrow();
        return res.viewRef(call.getScope().orElseThrow());
    }

    private static void assertRef(LockRef ref, String qualified, LockMode mode) {
        assertNotNull(ref, "no lock resolved for " + qualified);
        assertEquals(qualified, ref.id().qualified());
        assertEquals(mode, ref.mode());
    }

    @Test
    void fieldAliasOfReadView_isTheRrwlInReadMode() {
        assertRef(lockedAt(resolver(), 15), "acme.Cache.rw", LockMode.READ);
    }

    @Test
    void nestedWriteLockTypeField_isTheRrwlInWriteMode() {
        assertRef(lockedAt(resolver(), 16), "acme.Cache.rw", LockMode.WRITE);
    }

    @Test
    void fieldAssignedInConstructor_isResolvedThroughTheAssignment() {
        assertRef(lockedAt(resolver(), 17), "acme.Cache.rw", LockMode.READ);
    }

    @Test
    void localAliasAndVar_areResolvedThroughTheirInitialisers() {
        Resolver res = resolver();
        assertRef(lockedAt(res, 19), "acme.Cache.rw", LockMode.READ);
        assertRef(lockedAt(res, 21), "acme.Cache.typed", LockMode.WRITE);
    }

    @Test
    void staticFieldQualifiedOrNot_isOneExclusiveLock() {
        Resolver res = resolver();
        assertRef(lockedAt(res, 22), "acme.Cache.GLOBAL", LockMode.EXCLUSIVE);
        assertRef(lockedAt(res, 23), "acme.Cache.GLOBAL", LockMode.EXCLUSIVE);
    }

    @Test
    void stampedLockViews_areTheStampedLockInStampModes() {
        Resolver res = resolver();
        assertRef(lockedAt(res, 24), "acme.Cache.sl", LockMode.STAMP_READ);
        assertRef(lockedAt(res, 25), "acme.Cache.sl", LockMode.STAMP_WRITE);
        assertRef(lockedAt(res, 26), "acme.Cache.sl", LockMode.STAMP_READ);
    }

    @Test
    void oneLineGetter_isFollowedToTheLockItReturns() {
        assertRef(lockedAt(resolver(), 27), "acme.Cache.rw", LockMode.WRITE);
    }

    @Test
    void thisQualifiedField_isTheSameLock() {
        assertRef(lockedAt(resolver(), 28), "acme.Cache.rw", LockMode.READ);
    }

    @Test
    void freshLockInstance_hasNoIdentity() {
        assertNull(lockedAt(resolver(), 29));
    }
}
