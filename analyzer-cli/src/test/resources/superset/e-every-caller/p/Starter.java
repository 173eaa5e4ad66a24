package p;

public class Starter {
    private final Ns ns;

    public Starter(Ns ns) {
        this.ns = ns;
    }

    public void start() {
        ns.provision();
    }

    public synchronized void stop() {
    }
}
