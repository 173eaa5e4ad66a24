package p;

/** Neither locks nor names a handoff type: the prefilter never parses it (it is called under a monitor only). */
public class Fwd {
    static void call() {
        T.m();
    }
}
