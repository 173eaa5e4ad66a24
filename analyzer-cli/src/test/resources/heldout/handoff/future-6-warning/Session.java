// The handshake future is set from outside (public setter) and handed out by a public getter: its task is unknown.
package heldout.handoff.future6;

import java.util.concurrent.Future;

public class Session {
    private volatile Future<String> handshake;

    public Future<String> handshake() {
        return handshake;
    }

    public void setHandshake(Future<String> f) {
        handshake = f;
    }
}
