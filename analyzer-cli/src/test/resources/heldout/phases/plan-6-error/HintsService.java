// Deadlock (receiver is a field): dispatchLoop runs on the hints-dispatcher thread and calls transferFiles on the
// field `plan` after start() executed it: the dispatcher holds the coordinator and waits for session 10.0.0.2, whose
// thread holds its own monitor and waits for the coordinator in sessionCompleted. The receiver is not a fresh local.
package heldout.phases.plan6;

public final class HintsService {
    private final Plan plan = new Plan("hints");

    public void start() {
        plan.transferFiles("10.0.0.2", "hints-1.hints");
        plan.execute();
        new Thread(this::dispatchLoop, "hints-dispatcher").start();
    }

    private void dispatchLoop() {
        plan.transferFiles("10.0.0.2", "hints-2.hints");
    }

    public static void main(String[] args) {
        new HintsService().start();
    }
}
