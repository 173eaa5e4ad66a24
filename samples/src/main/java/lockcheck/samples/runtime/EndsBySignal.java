package lockcheck.samples.runtime;

/**
 * {@link LockOrderInversion}'s run, then it waits to be stopped by a signal (SIGTERM runs the
 * shutdown hooks, and the agent's hook writes the report with the LC204 found in the run).
 */
public final class EndsBySignal {
    public static void main(String[] args) throws Exception {
        LockOrderInversion.main(args);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
