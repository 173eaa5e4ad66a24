package p;

public class A {
    static synchronized void top() {
        B.x();
    }
}
