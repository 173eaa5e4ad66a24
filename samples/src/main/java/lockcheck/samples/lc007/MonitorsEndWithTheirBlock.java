package lockcheck.samples.lc007;

/**
 * Clean: monitors end with their block or method, whatever way it is left. A getter returning
 * from inside synchronized (QV_LOCK), a synchronized method, a break out of a synchronized block:
 * none of them leaves its monitor held in the caller, so nothing here is nested in the opposite
 * order of refresh(). (ZooKeeper's QuorumPeer.getQuorumVerifier() and Kafka's
 * AppInfoParser.unregisterAppInfo() are these shapes; lockcheck once kept the monitor held after
 * the call and reported hundreds of false cycles on real code.)
 */
public final class MonitorsEndWithTheirBlock {
    private final Object qvLock = new Object();
    private String verifier = "v1";
    private String current;

    String verifier() {
        synchronized (qvLock) {
            return verifier;
        }
    }

    static synchronized void unregister(String id) {
        System.out.println("unregister " + id);
    }

    synchronized void refresh() {
        current = verifier();
        unregister(current);
    }

    void elect() {
        String v = verifier();
        unregister(v);
        synchronized (this) {
            current = v;
        }
    }

    void scan(String[] ids) {
        for (String id : ids) {
            synchronized (qvLock) {
                if (id.equals(verifier)) break;
            }
        }
        synchronized (this) {
            current = null;
        }
    }
}
