// Models: a journal whose synchronized flush updates the index (journal monitor -> index monitor).
package heldout.helper7;

import java.util.ArrayList;
import java.util.List;

public class Journal {
    final List<String> lines = new ArrayList<>();
    private final Index index;

    public Journal(Index index) {
        this.index = index;
    }

    public synchronized void flush() {
        for (String l : lines) {
            index.update(l); // expect: LC007
        }
        lines.clear();
    }
}
