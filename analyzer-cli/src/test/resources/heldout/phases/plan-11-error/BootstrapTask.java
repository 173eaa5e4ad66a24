// Deadlock (registered as a listener first): the plan is added to the gossiper's listener list, and the gossip thread
// calls peersReady() -> execute() on it; main's second transferFiles can then hold the coordinator and wait for the
// running session 10.0.0.2, which holds its monitor and waits for the coordinator in sessionCompleted.
package heldout.phases.plan11;

public final class BootstrapTask {
    public void bootstrap(Gossiper gossiper) {
        Plan plan = new Plan("bootstrap");
        plan.transferFiles("10.0.0.2", "nb-1-big-Data.db");
        gossiper.register(plan);
        plan.transferFiles("10.0.0.2", "nb-2-big-Data.db");
    }

    public static void main(String[] args) {
        Gossiper gossiper = new Gossiper();
        gossiper.start();
        new BootstrapTask().bootstrap(gossiper);
    }
}
