package p;

public class Boot {
    private final Ns ns = new Ns();
    private final State state = new ActiveState();

    public void boot(Starter ctx) {
        ns.writeLock();
        try {
            state.enter(ctx);
        } finally {
            ns.writeUnlock();
        }
    }
}
