// Models: per-SKU locks in a map (one family); moving stock takes the source SKU's lock then the destination's, in call order.
package heldout.order3;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

public class InventoryService {
    private final Map<String, Lock> skuLocks = new ConcurrentHashMap<>();
    private final Map<String, Integer> stock = new HashMap<>();

    private Lock lockOf(String sku) {
        return skuLocks.computeIfAbsent(sku, s -> new ReentrantLock());
    }

    public void move(String fromSku, String toSku, int qty) {
        Lock src = lockOf(fromSku);
        Lock dst = lockOf(toSku);
        src.lock();
        try {
            dst.lock(); // expect: LC007
            try {
                stock.merge(fromSku, -qty, Integer::sum);
                stock.merge(toSku, qty, Integer::sum);
            } finally {
                dst.unlock();
            }
        } finally {
            src.unlock();
        }
    }
}
