package p;

public class L {
    static synchronized void m() {
    }

    static synchronized void back() {
        synchronized (A.class) {
            A.class.notifyAll();
        }
    }
}
