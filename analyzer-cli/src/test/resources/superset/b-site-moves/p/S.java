package p;

public class S {
    static synchronized void a() {
        longPath();
        Fwd.call();
    }

    static void longPath() {
        deeper();
    }

    static void deeper() {
        T.m();
    }
}
