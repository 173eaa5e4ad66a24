// Deadlock (stored in an array first): submit() puts the plan in a slot of the `slots` array field, which the
// slot-0 thread takes and executes; submit's second transferFiles can then hold the coordinator and wait for the
// running session, which holds its monitor and waits for the coordinator in sessionCompleted.
package heldout.phases.plan15;

public final class StreamExecutor {
    private final Plan[] slots = new Plan[4];

    public void submit(int slot, String peer) {
        Plan plan = new Plan("slot " + slot);
        plan.transferFiles(peer, "nb-1-big-Data.db");
        synchronized (slots) {
            slots[slot] = plan;
        }
        plan.transferFiles(peer, "nb-2-big-Data.db");
    }

    private void slotLoop(int slot) {
        while (true) {
            Plan next;
            synchronized (slots) {
                next = slots[slot];
                slots[slot] = null;
            }
            if (next != null) {
                next.execute();
            }
            Thread.onSpinWait();
        }
    }

    public static void main(String[] args) {
        StreamExecutor executor = new StreamExecutor();
        new Thread(() -> executor.slotLoop(0), "slot-0").start();
        executor.submit(0, "10.0.0.2");
    }
}
