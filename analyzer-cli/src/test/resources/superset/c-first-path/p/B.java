package p;

public class B {
    /** Two paths to the same acquisition of L.class: the long one (through Fwd, 11 steps) is walked first. */
    static void x() {
        Fwd.f1();
        direct();
    }

    static void direct() {
        L.m();
    }

    synchronized void unrelated() {
    }
}
