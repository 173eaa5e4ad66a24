package lockcheck.samples.lc007;

import java.util.ArrayList;
import java.util.List;

/**
 * Look-alikes of the builder phase (lc007/builder) where the coordinator is no longer confined to
 * the thread that created it when it takes its session's monitor: the inversion with the
 * session's report back stays an error. Then the warning form (confined on every path, but the
 * transfer itself builds an inner object that keeps the coordinator) and the fixed form.
 */
public class ConfinedUntilPublished {

    /** Bad: the coordinator is stored in a static field before the transfer; another thread can reach it and complete a session into it. */
    static class StatSamples {
        static StatCoordinator last;

        static void load(StatSession session) {
            StatCoordinator c = new StatCoordinator();
            last = c;
            c.transferStreams("peer", session);
        }
    }

    static class StatCoordinator {
        private final List<String> peers = new ArrayList<>();

        synchronized void transferStreams(String peer, StatSession session) {
            peers.add(peer);
            session.addStream(peer); // expect: LC007
        }

        synchronized void sessionDone(StatSession session) {
            peers.remove(session.name());
        }
    }

    static class StatSession {
        private final StatCoordinator coordinator;
        private final List<String> streams = new ArrayList<>();

        StatSession(StatCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        String name() {
            return "s";
        }

        synchronized void addStream(String stream) {
            streams.add(stream);
        }

        synchronized void complete() {
            streams.clear();
            coordinator.sessionDone(this); // expect: LC007
        }
    }

    /** Bad: a task given to an executor captures the coordinator before the transfer. */
    static class ExecSamples {
        static void load(java.util.concurrent.Executor executor, ExecSession session) {
            ExecCoordinator c = new ExecCoordinator();
            executor.execute(() -> c.sessionDone(session));
            c.transferStreams("peer", session);
        }
    }

    static class ExecCoordinator {
        private final List<String> peers = new ArrayList<>();

        synchronized void transferStreams(String peer, ExecSession session) {
            peers.add(peer);
            session.addStream(peer); // expect: LC007
        }

        synchronized void sessionDone(ExecSession session) {
            peers.remove(session.name());
        }
    }

    static class ExecSession {
        private final ExecCoordinator coordinator;
        private final List<String> streams = new ArrayList<>();

        ExecSession(ExecCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        String name() {
            return "s";
        }

        synchronized void addStream(String stream) {
            streams.add(stream);
        }

        synchronized void complete() {
            streams.clear();
            coordinator.sessionDone(this); // expect: LC007
        }
    }

    /** Bad: start() hands the coordinator to a new thread (a method reference of this) before the transfer. */
    static class StartSamples {
        static void load(StartSession session) {
            StartCoordinator c = new StartCoordinator();
            c.start();
            c.transferStreams("peer", session);
        }
    }

    static class StartCoordinator {
        private final List<String> peers = new ArrayList<>();

        synchronized void transferStreams(String peer, StartSession session) {
            peers.add(peer);
            session.addStream(peer); // expect: LC007
        }

        synchronized void sessionDone(StartSession session) {
            peers.remove(session.name());
        }

        void start() {
            new Thread(this::flush).start();
        }

        synchronized void flush() {
            peers.clear();
        }
    }

    static class StartSession {
        private final StartCoordinator coordinator;
        private final List<String> streams = new ArrayList<>();

        StartSession(StartCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        String name() {
            return "s";
        }

        synchronized void addStream(String stream) {
            streams.add(stream);
        }

        synchronized void complete() {
            streams.clear();
            coordinator.sessionDone(this); // expect: LC007
        }
    }

    /** Bad: the receiver is a field given by the constructor, not a fresh local: who else holds it is unknown. */
    static class FieldSamples {
        private final FieldCoordinator coordinator;

        FieldSamples(FieldCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        void load(FieldSession session) {
            coordinator.transferStreams("peer", session);
        }
    }

    static class FieldCoordinator {
        private final List<String> peers = new ArrayList<>();

        synchronized void transferStreams(String peer, FieldSession session) {
            peers.add(peer);
            session.addStream(peer); // expect: LC007
        }

        synchronized void sessionDone(FieldSession session) {
            peers.remove(session.name());
        }
    }

    static class FieldSession {
        private final FieldCoordinator coordinator;
        private final List<String> streams = new ArrayList<>();

        FieldSession(FieldCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        String name() {
            return "s";
        }

        synchronized void addStream(String stream) {
            streams.add(stream);
        }

        synchronized void complete() {
            streams.clear();
            coordinator.sessionDone(this); // expect: LC007
        }
    }

    /** Bad: an owned field, but of a service whose public method has no caller in the sources: the service may be shared. */
    static class OwnSamples {
        private final OwnCoordinator coordinator = new OwnCoordinator();

        public void load(OwnSession session) {
            coordinator.transferStreams("peer", session);
        }
    }

    static class OwnCoordinator {
        private final List<String> peers = new ArrayList<>();

        synchronized void transferStreams(String peer, OwnSession session) {
            peers.add(peer);
            session.addStream(peer); // expect: LC007
        }

        synchronized void sessionDone(OwnSession session) {
            peers.remove(session.name());
        }
    }

    static class OwnSession {
        private final OwnCoordinator coordinator;
        private final List<String> streams = new ArrayList<>();

        OwnSession(OwnCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        String name() {
            return "s";
        }

        synchronized void addStream(String stream) {
            streams.add(stream);
        }

        synchronized void complete() {
            streams.clear();
            coordinator.sessionDone(this); // expect: LC007
        }
    }

    /** Bad: one caller transfers on a fresh coordinator, another on one it was given. */
    static class MixedSamples {
        static void fresh(MixedSession session) {
            MixedCoordinator c = new MixedCoordinator();
            c.transferStreams("peer", session);
        }

        static void given(MixedCoordinator c, MixedSession session) {
            c.transferStreams("peer", session);
        }
    }

    static class MixedCoordinator {
        private final List<String> peers = new ArrayList<>();

        synchronized void transferStreams(String peer, MixedSession session) {
            peers.add(peer);
            session.addStream(peer); // expect: LC007
        }

        synchronized void sessionDone(MixedSession session) {
            peers.remove(session.name());
        }
    }

    static class MixedSession {
        private final MixedCoordinator coordinator;
        private final List<String> streams = new ArrayList<>();

        MixedSession(MixedCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        String name() {
            return "s";
        }

        synchronized void addStream(String stream) {
            streams.add(stream);
        }

        synchronized void complete() {
            streams.clear();
            coordinator.sessionDone(this); // expect: LC007
        }
    }

    /** Warning, not error: on its one path the coordinator is a fresh local, but transferStreams() creates an
     * inner Tracker (which keeps InnerCoordinator.this) before taking the session's monitor; where the
     * tracker goes is not followed, so the proof is incomplete. */
    static class InnerSamples {
        static void load(InnerSession session) {
            InnerCoordinator c = new InnerCoordinator();
            c.transferStreams("peer", session);
        }
    }

    static class InnerCoordinator {
        private final List<String> peers = new ArrayList<>();

        synchronized void transferStreams(String peer, InnerSession session) {
            Tracker t = new Tracker();
            t.note(peer);
            session.addStream(peer); // expect: LC007
        }

        class Tracker {
            void note(String peer) {
                peers.add(peer);
            }
        }

        synchronized void sessionDone(InnerSession session) {
            peers.remove(session.name());
        }
    }

    static class InnerSession {
        private final InnerCoordinator coordinator;
        private final List<String> streams = new ArrayList<>();

        InnerSession(InnerCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        String name() {
            return "s";
        }

        synchronized void addStream(String stream) {
            streams.add(stream);
        }

        synchronized void complete() {
            streams.clear();
            coordinator.sessionDone(this); // expect: LC007
        }
    }

    /** Fixed: the coordinator records the session under its monitor and adds the stream after releasing
     * it: no order at all, whoever shares the coordinator. */
    static class FixedSamples {
        static final FixedCoordinator SHARED = new FixedCoordinator();

        static void load(FixedSession session) {
            SHARED.transferStreams("peer", session);
        }
    }

    static class FixedCoordinator {
        private final List<String> peers = new ArrayList<>();

        void transferStreams(String peer, FixedSession session) {
            synchronized (this) {
                peers.add(peer);
            }
            session.addStream(peer);
        }

        synchronized void sessionDone(FixedSession session) {
            peers.remove(session.name());
        }
    }

    static class FixedSession {
        private final FixedCoordinator coordinator;
        private final List<String> streams = new ArrayList<>();

        FixedSession(FixedCoordinator coordinator) {
            this.coordinator = coordinator;
        }

        String name() {
            return "s";
        }

        synchronized void addStream(String stream) {
            streams.add(stream);
        }

        synchronized void complete() {
            streams.clear();
            coordinator.sessionDone(this);
        }
    }
}
