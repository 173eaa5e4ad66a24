package p;

public class M {
    static synchronized void start() {
        synchronized (P.class) {
            P.class.notifyAll();
        }
    }

    static void fromElsewhere() {
        start();
    }
}
