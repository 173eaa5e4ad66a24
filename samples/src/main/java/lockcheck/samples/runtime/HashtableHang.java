package lockcheck.samples.runtime;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A deadlock entirely inside JDK code the agent does not instrument: {@code Hashtable.put} holds
 * the table's monitor while it calls the key's {@code hashCode()}, and these keys look something up
 * in the other table. Two threads put into the two tables at once: each holds one table's monitor
 * and waits for the other's. Only the JVM knows those monitors; the agent reads its lock owners and
 * reports LC201 (exit 86 with {@code onDeadlock=exit}).
 */
public final class HashtableHang {
    static final int TIMEOUT_SECONDS = 20;

    static final class Key {
        private final Map<String, String> other;
        private final CountDownLatch bothIn;

        Key(Map<String, String> other, CountDownLatch bothIn) {
            this.other = other;
            this.bothIn = bothIn;
        }

        @Override
        public int hashCode() {
            bothIn.countDown();
            try {
                bothIn.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return other.getOrDefault("salt", "").length(); // the other table's monitor
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> users = new Hashtable<>();
        Map<String, String> groups = new Hashtable<>();
        CountDownLatch bothIn = new CountDownLatch(2);
        Map<Key, String> a = new Hashtable<>();
        Map<Key, String> b = new Hashtable<>();
        users.put("salt", "u");
        groups.put("salt", "g");
        // each key's hashCode reads the other thread's table
        Thread first = new Thread(() -> ((Hashtable<Key, String>) a).put(new Key(asMap(b), bothIn), "x"), "put-a");
        Thread second = new Thread(() -> ((Hashtable<Key, String>) b).put(new Key(asMap(a), bothIn), "y"), "put-b");
        first.setDaemon(true);
        second.setDaemon(true);
        first.start();
        second.start();
        first.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        if (first.isAlive()) {
            System.out.println("hung: each thread holds one Hashtable's monitor and waits for the other");
            System.exit(2);
        }
        System.out.println("done " + users.size() + groups.size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> asMap(Map<Key, String> m) {
        return (Map<String, String>) (Map<?, ?>) m;
    }
}
