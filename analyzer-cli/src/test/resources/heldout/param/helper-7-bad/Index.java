// Models: an index whose synchronized rebuild records into the journal through JournalUtil (index monitor -> journal monitor).
package heldout.helper7;

import java.util.HashSet;
import java.util.Set;

public class Index {
    private final Set<String> keys = new HashSet<>();
    private Journal journal;

    public void attach(Journal journal) {
        this.journal = journal;
    }

    public synchronized void update(String line) {
        keys.add(line);
    }

    public synchronized void rebuild() {
        keys.clear();
        JournalUtil.appendLocked(journal, "rebuild"); // expect: LC007
    }
}
