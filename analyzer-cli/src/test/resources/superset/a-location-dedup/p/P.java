package p;

public class P {
    static synchronized void create() {
        new P().init();
    }

    void init() {
        Fwd.go();
        R.reset();
    }
}
