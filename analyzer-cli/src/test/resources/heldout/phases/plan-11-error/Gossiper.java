// A gossiper: listeners in a copy-on-write list, told on the gossip thread when the peers are up.
package heldout.phases.plan11;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

final class Gossiper {
    interface PeerListener {
        void peersReady();
    }

    private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();

    void register(PeerListener listener) {
        listeners.add(listener);
    }

    void start() {
        new Thread(() -> {
            while (listeners.isEmpty()) {
                Thread.onSpinWait();
            }
            for (PeerListener listener : listeners) {
                listener.peersReady();
            }
        }, "gossip").start();
    }
}
