// Warning, not error: publish() holds subscribers.read across SynchronousQueue.put; the dispatcher takes and calls
// sink.accept(e) on a Sink field with two implementations in the sources. AuditSink takes subscribers.write (a real
// deadlock if it is the one wired), ConsoleSink takes nothing. Error needs the guessed step, so at most a warning.
package heldout.handoff.queue14;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class EventBus {
    final ReentrantReadWriteLock subscribers = new ReentrantReadWriteLock();
    final List<String> names = new ArrayList<>();
    private final SynchronousQueue<String> events = new SynchronousQueue<>();
    private final Sink sink;

    public EventBus(boolean audited) {
        sink = audited ? new AuditSink(this) : new ConsoleSink();
        new Thread(this::dispatch, "dispatcher").start();
    }

    public void publish(String event) throws InterruptedException {
        subscribers.readLock().lock();
        try {
            for (String n : names) {
                events.put(n + ":" + event); // expect: LC001 warning
            }
        } finally {
            subscribers.readLock().unlock();
        }
    }

    private void dispatch() {
        try {
            while (true) {
                sink.accept(events.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void subscribe(String name) {
        subscribers.writeLock().lock();
        try {
            names.add(name);
        } finally {
            subscribers.writeLock().unlock();
        }
    }
}
