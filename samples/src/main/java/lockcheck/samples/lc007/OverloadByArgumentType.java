package lockcheck.samples.lc007;

/**
 * Overloads of one arity are told apart by the argument types the syntax gives (a literal,
 * {@code new X()}, a typed local, field or parameter): {@code channel.send("done")} runs the String
 * overload, never its blocking twin {@code send(Job)}.
 */
public class OverloadByArgumentType {
    static final Object QUEUE = new Object();

    static class Job {
        void run() {
            System.out.println("job");
        }
    }

    static class Channel {
        /** Only logs. */
        void send(String line) {
            System.out.println(line);
        }

        /** Waits for the queue. */
        void send(Job job) {
            synchronized (QUEUE) {
                job.run();
            }
        }
    }

    /** Bad: submit() sends a Job under this node's monitor (Node.this -> QUEUE); drain() takes QUEUE then a node's monitor. */
    static class Node {
        final Channel channel = new Channel();

        synchronized void submit() {
            channel.send(new Job()); // expect: LC007
        }

        synchronized void touch() {
            System.out.println("touched");
        }

        static void drain(Node n) {
            synchronized (QUEUE) {
                n.touch(); // expect: LC007
            }
        }
    }

    /** Fixed and look-alike: only String overloads are sent under the monitor (a literal and a typed local), so no QUEUE inside it. */
    static class ReportNode {
        final Channel channel = new Channel();

        synchronized void report() {
            channel.send("done");
            String detail = "all " + 1;
            channel.send(detail);
        }

        static void drain(ReportNode n) {
            synchronized (QUEUE) {
                n.report();
            }
        }
    }
}
