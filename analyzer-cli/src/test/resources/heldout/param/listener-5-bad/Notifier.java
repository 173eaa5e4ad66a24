// Models: a base class that keeps listeners and fires them (inherited by the pool).
package heldout.listener5;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public abstract class Notifier {
    private final List<PoolListener> listeners = new CopyOnWriteArrayList<>();

    protected void addListener(PoolListener l) {
        listeners.add(l);
    }

    protected void fireExhausted(String name, int inUse) {
        for (PoolListener l : listeners) {
            l.exhausted(name, inUse);
        }
    }
}
