package p;

public class ActiveState extends State {
    @Override
    void enter(Starter ctx) {
        ctx.start();
    }
}
