package lockcheck.samples.lc007;

import java.util.ArrayList;
import java.util.List;

/** The other side of {@link Ledger}'s inversion: flush holds the journal, then asks the ledger. */
public final class Journal {
    private final List<String> lines = new ArrayList<>();
    private Ledger ledger;

    void attach(Ledger ledger) {
        this.ledger = ledger;
    }

    synchronized void record(String line) {
        lines.add(line);
    }

    synchronized void flush() {
        lines.add("balance " + ledger.balance()); // expect: LC007
        lines.clear();
    }
}
