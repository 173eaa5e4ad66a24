// Two implementations in the sources: the dispatch through Sink is a guessed step.
package heldout.handoff.queue14;

interface Sink {
    void accept(String event);
}

final class ConsoleSink implements Sink {
    @Override
    public void accept(String event) {
        System.out.println(event);
    }
}

final class AuditSink implements Sink {
    private final EventBus bus;

    AuditSink(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void accept(String event) {
        bus.subscribers.writeLock().lock();
        try {
            bus.names.remove(event);
        } finally {
            bus.subscribers.writeLock().unlock();
        }
    }
}
