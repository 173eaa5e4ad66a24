package lockcheck.samples.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The fixed form of the anonymous callback that waits, under {@link TxTemplate}'s lock, for a task
 * needing that lock (the bad form is in AnonymousCallbackShapesTest: the default scan does not parse
 * its file), and its clean look-alikes: the task is waited for outside the
 * transaction; a callback that waits for a task needing no lock; a callback the template only
 * queues (it runs later, not under the lock).
 */
public class TxReportFixed {
    private final TxTemplate template;
    private final ExecutorService pool;
    private final List<String> rows = new ArrayList<>();
    private final List<TxTemplate.TxCallback<?>> queue = new ArrayList<>();

    public TxReportFixed(TxTemplate template, ExecutorService pool) {
        this.template = template;
        this.pool = pool;
    }

    int countRows() throws Exception {
        return template.execute(rows::size);
    }

    int countLocal() {
        return rows.size();
    }

    public String build() throws Exception {
        Future<Integer> total = pool.submit(TxReportFixed.this::countRows);
        int n = total.get();
        return template.execute(new TxTemplate.TxCallback<String>() {
            @Override
            public String doInTx() {
                return "rows: " + n;
            }
        });
    }

    public String buildWithoutLockInTask() throws Exception {
        return template.execute(new TxTemplate.TxCallback<String>() {
            @Override
            public String doInTx() throws Exception {
                Future<Integer> total = pool.submit(TxReportFixed.this::countLocal);
                return "rows: " + total.get();
            }
        });
    }

    public void buildLater() {
        template.later(new TxTemplate.TxCallback<String>() {
            @Override
            public String doInTx() throws Exception {
                Future<Integer> total = pool.submit(TxReportFixed.this::countRows);
                return "rows: " + total.get();
            }
        }, queue);
    }
}
