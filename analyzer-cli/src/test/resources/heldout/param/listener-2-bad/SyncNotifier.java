// Models: the listener implementation: hands each change to a notifier thread through a SynchronousQueue; that thread reads the store.
package heldout.listener2;

import java.util.concurrent.SynchronousQueue;

public class SyncNotifier implements StateStore.StateListener {
    private final SynchronousQueue<String> changes = new SynchronousQueue<>();
    private final StateStore store;

    public SyncNotifier(StateStore store) {
        this.store = store;
        store.setListener(this);
    }

    @Override
    public void stateChanged(String state) throws InterruptedException {
        changes.put(state);
    }

    /** Runs on the notifier thread. */
    public void notifyLoop() throws InterruptedException {
        while (true) {
            String changed = changes.take();
            System.out.println(changed + " -> now " + store.current());
        }
    }
}
