// Models: Guava Striped<Lock> (library type, no stub here): two keys' stripes locked in argument order (Guava's bulkGet exists to avoid exactly this).
package heldout.order6;

import com.google.common.util.concurrent.Striped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;

public class BucketMover {
    private final Striped<Lock> stripes = Striped.lock(32);
    private final Map<String, Long> sizes = new HashMap<>();

    public void move(String fromBucket, String toBucket, long bytes) {
        Lock from = stripes.get(fromBucket);
        Lock to = stripes.get(toBucket);
        from.lock();
        try {
            to.lock(); // expect: LC007
            try {
                sizes.merge(fromBucket, -bytes, Long::sum);
                sizes.merge(toBucket, bytes, Long::sum);
            } finally {
                to.unlock();
            }
        } finally {
            from.unlock();
        }
    }
}
