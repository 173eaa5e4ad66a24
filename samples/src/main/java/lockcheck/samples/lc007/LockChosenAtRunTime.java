package lockcheck.samples.lc007;

/**
 * A monitor the code picks at run time ({@code synchronized (c != null ? c : LOCK)}) has no single
 * identity: a lock taken inside it may be that very object, held already (ZooKeeper's
 * QuorumPeer.setLastSeenQuorumVerifier). An inversion taken inside such a block is reported as a
 * warning that says so, not as an error.
 */
public class LockChosenAtRunTime {
    /** Bad: update() takes CONFIG then the connector; Connector.connect() takes the connector then CONFIG. */
    static class Peer {
        static final Object CONFIG = new Object();

        void update(Connector c) {
            synchronized (CONFIG) {
                c.connect(); // expect: LC007
            }
        }
    }

    static class Connector {
        synchronized void connect() {
            synchronized (Peer.CONFIG) { // expect: LC007
                System.out.println("connected");
            }
        }

        void reconnect() {
            connect();
        }
    }

    /**
     * Chosen at run time: the outer monitor is the connector whenever there is one, so connect()
     * re-enters it; lockcheck cannot tell, and reports both sides as warnings naming the block.
     */
    static class ChosenPeer {
        static final Object CONFIG = new Object();

        void update(ChosenConnector c) {
            Object outer = (c != null) ? c : CONFIG;
            synchronized (outer) {
                synchronized (CONFIG) {
                    if (c != null) {
                        c.connect(); // expect: LC007
                    }
                }
            }
        }
    }

    static class ChosenConnector {
        synchronized void connect() {
            synchronized (ChosenPeer.CONFIG) { // expect: LC007
                System.out.println("connected");
            }
        }

        void reconnect() {
            connect();
        }
    }

    /** Fixed: the connector's monitor is named and taken first, so connect() is a plain re-entry. */
    static class FixedPeer {
        static final Object CONFIG = new Object();

        void update(FixedConnector c) {
            synchronized (c) {
                synchronized (CONFIG) {
                    c.connect();
                }
            }
        }
    }

    static class FixedConnector {
        synchronized void connect() {
            synchronized (FixedPeer.CONFIG) {
                System.out.println("connected");
            }
        }

        void reconnect() {
            connect();
        }
    }
}
