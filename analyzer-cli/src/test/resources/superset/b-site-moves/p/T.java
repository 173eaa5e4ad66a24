package p;

public class T {
    static synchronized void m() {
    }

    static synchronized void back() {
        synchronized (S.class) {
            S.class.notifyAll();
        }
    }
}
