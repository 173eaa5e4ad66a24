package p;

public class R {
    static synchronized void reset() {
        synchronized (P.class) {
            P.class.notifyAll();
        }
    }

    static void fromElsewhere() {
        reset();
    }
}
