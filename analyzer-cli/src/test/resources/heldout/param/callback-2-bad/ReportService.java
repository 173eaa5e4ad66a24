// Models: a report built inside a transaction callback (anonymous class) that waits for a pooled task which itself runs a transaction on the same template.
package heldout.callback2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class ReportService {
    private final TxTemplate template;
    private final ExecutorService pool;
    private final List<String> rows = new ArrayList<>();

    public ReportService(TxTemplate template, ExecutorService pool) {
        this.template = template;
        this.pool = pool;
    }

    int countRows() throws Exception {
        return template.execute(rows::size);
    }

    public String build() throws Exception {
        return template.execute(new TxTemplate.TxCallback<String>() {
            @Override
            public String doInTx() throws Exception {
                Future<Integer> total = pool.submit(ReportService.this::countRows);
                return "rows: " + total.get(); // expect: LC008
            }
        });
    }
}
