package lockcheck.samples.lc007;

/**
 * Clean: a subclass's {@code this} monitor and its superclass's are one monitor on one object.
 * Child.reset() holds Child.this and runs the inherited synchronized bump(); bump() holds
 * SuperclassThis.this and runs Child's synchronized onBump(): one object, re-entered, no order
 * (Kafka's ConsumerCoordinator.this and AbstractCoordinator.this are this shape).
 */
public abstract class SuperclassThis {
    protected int generation;

    synchronized void bump() {
        generation++;
        onBump();
    }

    abstract void onBump();

    public static final class Child extends SuperclassThis {
        private int state;

        synchronized void reset() {
            state = 0;
            bump();
        }

        @Override
        synchronized void onBump() {
            state++;
        }
    }
}
