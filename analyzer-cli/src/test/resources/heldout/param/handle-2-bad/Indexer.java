// Models: an indexer that fills a missing entry while still inside the store's read-locked block.
package heldout.handle2;

import java.util.List;

public class Indexer {
    private final Store<String, Integer> store = new Store<>();

    public int positionOf(String term, List<String> dictionary) {
        try (Store.Unlocker u = store.readLocked()) {
            Integer pos = store.get(term);
            if (pos == null) {
                pos = dictionary.indexOf(term);
                store.put(term, pos); // expect: LC002
            }
            return pos;
        }
    }
}
