// Deadlock without any third thread: publish() holds rw.read across transfer(), which waits until a consumer takes.
// The consumer takes the item and then asks for rw.write in register(): it waits for publish's read hold, and
// publish's next transfer waits for the consumer. The queue is reached as pipeline.stage on both sides.
package heldout.handoff.queue5;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class Catalog {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final List<String> names = new ArrayList<>();
    private final Pipeline pipeline = new Pipeline();

    public Catalog() {
        Thread consumer = new Thread(() -> {
            try {
                while (true) {
                    String name = pipeline.stage.take();
                    register(name + ".copy");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "catalog-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    public void publish() throws InterruptedException {
        rw.readLock().lock();
        try {
            for (String name : names) {
                pipeline.stage.transfer(name); // expect: LC001 error
            }
        } finally {
            rw.readLock().unlock();
        }
    }

    private void register(String name) {
        rw.writeLock().lock();
        try {
            names.add(name);
        } finally {
            rw.writeLock().unlock();
        }
    }
}
