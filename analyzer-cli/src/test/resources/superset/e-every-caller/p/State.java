package p;

public abstract class State {
    abstract void enter(Starter ctx);
}
