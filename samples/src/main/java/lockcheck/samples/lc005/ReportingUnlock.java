package lockcheck.samples.lc005;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * An unlock helper given a report supplier built in the finally
 * ({@code writeUnlock(op, reportSupplier(src))}, HDFS's FSNamesystem): the argument is evaluated
 * before the unlock. A supplier factory whose body only returns a lambda cannot throw, so the
 * finally always reaches the unlock; one that calls something that can throw first can skip it.
 */
public class ReportingUnlock {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final StringBuilder log = new StringBuilder();
    private String last = "";

    void writeUnlock(String op, Supplier<String> report) {
        rw.writeLock().unlock();
        log.append(op).append(' ').append(report.get());
    }

    private Supplier<String> reportSupplier(String src) {
        return reportSupplier(src, null);
    }

    private Supplier<String> reportSupplier(String src, String dst) {
        return () -> "src=" + src + " dst=" + dst;
    }

    private Supplier<String> checkedSupplier(String src) {
        String trimmed = src.trim();
        return () -> "src=" + trimmed;
    }

    /** Clean: the supplier factory only returns a lambda. */
    void rename(String src) {
        rw.writeLock().lock();
        try {
            last = src;
        } finally {
            writeUnlock("rename", reportSupplier(src));
        }
    }

    /** Bad: src.trim() can throw (a null src) before the unlock runs. */
    void delete(String src) {
        rw.writeLock().lock(); // expect: LC005
        try {
            last = "";
        } finally {
            writeUnlock("delete", checkedSupplier(src));
        }
    }
}
