// Deadlock (receiver is a parameter): retryMissing calls transferFiles on its parameter, given a plan that run()
// already executed. Main holds the coordinator and waits for session 10.0.0.2's monitor, while that session's
// thread holds it and waits for the coordinator in sessionCompleted.
package heldout.phases.plan7;

public final class RepairTask {
    public void run() {
        Plan plan = new Plan("repair");
        plan.transferFiles("10.0.0.2", "nb-1-big-Data.db");
        plan.execute();
        retryMissing(plan, "10.0.0.2");
    }

    private static void retryMissing(Plan running, String peer) {
        running.transferFiles(peer, "nb-1-big-Index.db");
    }

    public static void main(String[] args) {
        new RepairTask().run();
    }
}
