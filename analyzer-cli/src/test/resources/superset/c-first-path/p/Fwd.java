package p;

/** A chain of 10 calls to L.m(); neither locks nor names a handoff type, so the prefilter leaves it unparsed. */
public class Fwd {
    static void f1() {
        f2();
    }

    static void f2() {
        f3();
    }

    static void f3() {
        f4();
    }

    static void f4() {
        f5();
    }

    static void f5() {
        f6();
    }

    static void f6() {
        f7();
    }

    static void f7() {
        f8();
    }

    static void f8() {
        f9();
    }

    static void f9() {
        f10();
    }

    static void f10() {
        L.m();
    }
}
