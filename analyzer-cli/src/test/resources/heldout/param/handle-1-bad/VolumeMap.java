// Models: a volume map that sums space under the read handle while waiting for a recount task that needs the write handle.
package heldout.handle1;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class VolumeMap {
    private final CloseableRwLock lock = new CloseableRwLock();
    private final Map<String, Long> blocks = new HashMap<>();
    private final ExecutorService scanner;

    public VolumeMap(ExecutorService scanner) {
        this.scanner = scanner;
    }

    public long usedSpace() throws InterruptedException, ExecutionException {
        try (CloseableRwLock.Held h = lock.read()) {
            long cached = blocks.values().stream().mapToLong(Long::longValue).sum();
            Future<Long> fresh = scanner.submit(this::rescan);
            return Math.max(cached, fresh.get()); // expect: LC001 LC008
        }
    }

    long rescan() {
        try (CloseableRwLock.Held h = lock.write()) {
            blocks.replaceAll((k, v) -> Math.max(0L, v));
            return blocks.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public void add(String block, long bytes) {
        try (CloseableRwLock.Held h = lock.write()) {
            blocks.merge(block, bytes, Long::sum);
        }
    }
}
