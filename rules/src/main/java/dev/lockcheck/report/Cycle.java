package dev.lockcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A runtime finding's cycle as data, so that writers and diagrams never parse message text.
 *
 * <p>Nodes are threads, locks and handoffs (a queue, future, latch or monitor a thread waits on),
 * each with an id unique within the finding. Edges go from a thread to a lock or handoff:
 * <ul>
 *   <li>{@code holds}: the thread holds the lock ({@code mode} read, write, exclusive, monitor,
 *       stamp-read, stamp-write);</li>
 *   <li>{@code waits-for}: the thread is blocked asking for the lock (in {@code mode}) or waiting
 *       on the handoff;</li>
 *   <li>{@code completes}: the thread is the one that would complete the handoff (known, or
 *       {@code inferred} when the agent guessed it from who is blocked).</li>
 * </ul>
 * {@code live} is true for a cycle of threads blocked right now (LC201), false for a predicted one
 * (LC202, LC204), whose edges were seen at different moments.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cycle(boolean live, List<Node> threads, List<Node> locks, List<Node> handoffs, List<Edge> edges) {

    public static final String HOLDS = "holds";
    public static final String WAITS_FOR = "waits-for";
    public static final String COMPLETES = "completes";

    public Cycle {
        threads = threads == null ? List.of() : List.copyOf(threads);
        locks = locks == null ? List.of() : List.copyOf(locks);
        handoffs = handoffs == null ? List.of() : List.copyOf(handoffs);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    /**
     * A thread, lock or handoff. {@code name}: the thread's name, the lock's name (field or class
     * and allocation site), the handoff call ({@code SynchronousQueue.put}); {@code site}: where it
     * was allocated or where the thread stands ({@code Cache.java:42}), null when unknown.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(String id, String name, String site) {
    }

    /**
     * {@code from} a thread id, {@code to} a lock or handoff id; {@code kind} one of
     * {@link #HOLDS}, {@link #WAITS_FOR}, {@link #COMPLETES}; {@code mode} the lock mode or null;
     * {@code at} the frame where it happened, null when unknown; {@code inferred} true when the
     * agent inferred the edge rather than saw it.
     */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Edge(String from, String to, String kind, String mode, String at, boolean inferred) {
    }
}
