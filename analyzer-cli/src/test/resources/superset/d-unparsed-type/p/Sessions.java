package p;

import java.util.ArrayList;
import java.util.List;

public class Sessions {
    private final List<Session> sessions = new ArrayList<>();

    public synchronized void failAll() {
        for (Session s : sessions) {
            synchronized (s) {
                s.state = -1;
            }
        }
    }

    public void cleanup(Session s) {
        synchronized (s) {
            delete(s);
        }
    }

    private synchronized void delete(Session s) {
        sessions.remove(s);
    }
}
