package lockcheck.samples.distributed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcd.jetcd.Client;
import lockcheck.samples.distributed.etcd.EtcdTryLockDemo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class EtcdTryLockDemoIT {
    private static final int ATTEMPTS = 200;
    private static LocalServer etcd;
    private static Client client;

    @BeforeAll
    static void startEtcd() throws Exception {
        RealServers.requireBinary("etcd", "etcd-server");
        etcd = LocalServer.startEtcd();
        client = Client.builder().endpoints("http://" + etcd.host() + ":" + etcd.port()).build();
    }

    @AfterAll
    static void stopEtcd() {
        if (client != null) {
            client.close();
        }
        if (etcd != null) {
            etcd.close();
        }
    }

    @Test
    void failedTryLocksInALoop_growTheRevisionByAtLeastOnePerAttempt_watchThenTryByAConstant() throws Exception {
        EtcdTryLockDemo demo = new EtcdTryLockDemo(client);
        EtcdTryLockDemo.Result polling = demo.polling(ATTEMPTS);
        EtcdTryLockDemo.Result watching = demo.watchThenTry(Math.max(200, polling.heldMillis()));
        System.out.println("[LC101 etcd] " + polling);
        System.out.println("[LC101 etcd] " + watching);
        assertTrue(polling.failedAttempts() >= ATTEMPTS, polling.toString());
        assertTrue(polling.revisionGrowth() >= ATTEMPTS,
                "each failed attempt is a committed write, so the revision grows at least once per attempt: " + polling);
        assertTrue(watching.revisionGrowth() <= 2 * watching.failedAttempts() + 2,
                "waiting on a watch writes nothing; only the attempts themselves and the release count: " + watching);
        assertTrue(watching.failedAttempts() <= 2, "one failure, then a wait for the release: " + watching);
    }
}
