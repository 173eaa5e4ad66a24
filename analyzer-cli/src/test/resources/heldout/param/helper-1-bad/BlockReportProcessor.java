// Models: a block-report handler that, under the namesystem read lock, calls a method taking the namesystem write lock.
package heldout.helper1;

import java.util.List;

public class BlockReportProcessor {
    private final FsNamesystem ns;
    private int processed;

    public BlockReportProcessor(FsNamesystem ns) {
        this.ns = ns;
    }

    public void process(List<Long> report, int threshold) {
        ns.readLock();
        try {
            processed += report.size();
            if (ns.isInSafeMode() && processed >= threshold) {
                ns.leaveSafeMode(); // expect: LC002
            }
        } finally {
            ns.readUnlock();
        }
    }
}
