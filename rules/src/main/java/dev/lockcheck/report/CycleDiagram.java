package dev.lockcheck.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The picture of one runtime finding: threads and locks as nodes, "holds", "waits for" and handoff
 * edges, laid out by lockcheck itself as inline SVG (no script, no library).
 *
 * <h2>Convention the agent writes and this class reads</h2>
 * A runtime finding ({@code threads} present) describes each thread's part in its {@code trace}
 * step notes, one fact per step, in these forms (case-insensitive; text before or after is kept
 * as the step's prose and ignored by the drawing):
 * <pre>
 * thread "A" holds read lock acme.Cache.lock           A holds L (read | write; the mode is optional)
 * thread "W" waits for write lock acme.Cache.lock      W is parked asking for L (read | write | omitted)
 * thread "B" waits for read lock acme.Cache.lock
 * thread "A" waits for thread "B" (SynchronousQueue.put)   handoff: only B can release A; the
 *                                                      parenthesis (optional) names the handoff
 * </pre>
 * Thread names are those of {@code threads[].name}; a lock is one token (no spaces), normally the
 * finding's {@code lock}. Edges are drawn as a wait-for graph so a deadlock reads as a ring of
 * arrows: thread → lock it waits for, lock → thread that holds it ("held by"), thread → thread it
 * waits for through a handoff. Nodes on a cycle are placed first, around a circle, in cycle order.
 *
 * <p>A finding without such notes still gets a picture: its threads and its lock, each thread
 * joined to the lock by a dashed "involved" line labelled with the thread's state.
 */
public final class CycleDiagram {
    private static final Pattern LOCK_FACT = Pattern.compile(
            "thread\\s+\"([^\"]+)\"\\s+(holds|waits\\s+for)\\s+(?:(read|write)\\s+)?lock\\s+([^\\s()]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDOFF_FACT = Pattern.compile(
            "thread\\s+\"([^\"]+)\"\\s+waits\\s+for\\s+thread\\s+\"([^\"]+)\"(?:\\s*\\(([^)]*)\\))?",
            Pattern.CASE_INSENSITIVE);

    public enum NodeKind { THREAD, LOCK }

    public enum EdgeKind { HOLDS, WAITS, HANDOFF, INVOLVED }

    public record Node(String id, NodeKind kind, String label, String detail) {
    }

    /** {@code from → to}; for HOLDS, from is the lock and to the holder. */
    public record Edge(String from, String to, EdgeKind kind, String label) {
    }

    private final List<Node> nodes;
    private final List<Edge> edges;
    private final List<String> cycle;

    private CycleDiagram(List<Node> nodes, List<Edge> edges, List<String> cycle) {
        this.nodes = nodes;
        this.edges = edges;
        this.cycle = cycle;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** Node ids on the first wait-for cycle found, in order; empty when the facts close no cycle. */
    public List<String> cycle() {
        return cycle;
    }

    public static CycleDiagram of(Finding f) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        if (f.threads() != null) {
            for (ThreadSnapshot t : f.threads()) {
                nodes.putIfAbsent(threadId(t.name()), new Node(threadId(t.name()), NodeKind.THREAD, t.name(),
                        t.state() == null ? "" : t.state()));
            }
        }
        for (TraceStep step : f.trace()) {
            String note = step.note() == null ? "" : step.note();
            Matcher h = HANDOFF_FACT.matcher(note);
            if (h.find()) {
                String a = thread(nodes, h.group(1)), b = thread(nodes, h.group(2));
                String via = h.group(3) == null || h.group(3).isBlank() ? "handoff" : "handoff: " + h.group(3).strip();
                addEdge(edges, new Edge(a, b, EdgeKind.HANDOFF, via));
                continue;
            }
            Matcher m = LOCK_FACT.matcher(note);
            if (m.find()) {
                String t = thread(nodes, m.group(1));
                String l = lock(nodes, m.group(4));
                String mode = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
                boolean holds = m.group(2).toLowerCase(Locale.ROOT).startsWith("holds");
                addEdge(edges, holds
                        ? new Edge(l, t, EdgeKind.HOLDS, mode.isEmpty() ? "held by" : "held (" + mode + ") by")
                        : new Edge(t, l, EdgeKind.WAITS, mode.isEmpty() ? "waits for" : "waits for " + mode));
            }
        }
        if (f.lock() != null && !f.lock().isBlank() && nodes.values().stream().noneMatch(n -> n.kind() == NodeKind.LOCK)) {
            lock(nodes, f.lock());
        }
        if (edges.isEmpty()) {
            String lockId = nodes.values().stream().filter(n -> n.kind() == NodeKind.LOCK).map(Node::id).findFirst().orElse(null);
            if (lockId != null) {
                for (Node n : List.copyOf(nodes.values())) {
                    if (n.kind() == NodeKind.THREAD) edges.add(new Edge(n.id(), lockId, EdgeKind.INVOLVED, n.detail().toLowerCase(Locale.ROOT)));
                }
            }
        }
        List<String> cycle = findCycle(nodes.keySet(), edges);
        List<Node> ordered = new ArrayList<>();
        for (String id : cycle) ordered.add(nodes.get(id));
        for (Node n : nodes.values()) if (!cycle.contains(n.id())) ordered.add(n);
        return new CycleDiagram(List.copyOf(ordered), List.copyOf(edges), List.copyOf(cycle));
    }

    private static void addEdge(List<Edge> edges, Edge e) {
        if (!edges.contains(e)) edges.add(e);
    }

    private static String threadId(String name) {
        return "t:" + name;
    }

    private static String thread(Map<String, Node> nodes, String name) {
        String id = threadId(name);
        nodes.putIfAbsent(id, new Node(id, NodeKind.THREAD, name, ""));
        return id;
    }

    private static String lock(Map<String, Node> nodes, String name) {
        String id = "l:" + name;
        nodes.putIfAbsent(id, new Node(id, NodeKind.LOCK, name, "lock"));
        return id;
    }

    private static List<String> findCycle(Set<String> ids, List<Edge> edges) {
        Map<String, List<String>> out = new HashMap<>();
        for (Edge e : edges) if (e.kind() != EdgeKind.INVOLVED) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        Set<String> done = new HashSet<>();
        for (String start : ids) {
            List<String> path = new ArrayList<>();
            List<String> c = dfs(start, out, path, new HashSet<>(), done);
            if (c != null) return c;
        }
        return List.of();
    }

    private static List<String> dfs(String n, Map<String, List<String>> out, List<String> path, Set<String> onPath, Set<String> done) {
        if (onPath.contains(n)) return new ArrayList<>(path.subList(path.indexOf(n), path.size()));
        if (done.contains(n)) return null;
        path.add(n);
        onPath.add(n);
        for (String next : out.getOrDefault(n, List.of())) {
            List<String> c = dfs(next, out, path, onPath, done);
            if (c != null) return c;
        }
        path.remove(path.size() - 1);
        onPath.remove(n);
        done.add(n);
        return null;
    }

    // ---------------------------------------------------------------- SVG

    private static final int NODE_H = 44;
    private static final double CHAR_W = 7.4;

    /** The diagram as an {@code <svg>} element (class {@code lc-cycle}); {@code title} becomes its accessible name. */
    public String svg(String title) {
        int n = nodes.size();
        double maxW = 0;
        for (Node node : nodes) maxW = Math.max(maxW, width(node));
        double r = n <= 1 ? 0 : Math.max(110, (maxW + 40) * n / (2 * Math.PI) + 30);
        r = Math.min(r, 340);
        double pad = 40;
        double w = 2 * r + maxW + 2 * pad;
        double h = 2 * r + NODE_H + 2 * pad + 20;
        double cx = w / 2, cy = h / 2;
        Map<String, double[]> pos = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / n;
            pos.put(nodes.get(i).id(), new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)});
        }
        Map<String, Node> byId = new HashMap<>();
        for (Node node : nodes) byId.put(node.id(), node);

        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg class=\"lc-cycle\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                + "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" data-nodes=\"%d\" data-edges=\"%d\" data-cycle-length=\"%d\">",
                w, h, w, h, n, edges.size(), cycle.size()));
        sb.append("<title>").append(HtmlReport.esc(title)).append("</title>");
        sb.append("<defs>");
        for (EdgeKind k : EdgeKind.values()) {
            sb.append("<marker id=\"lc-arrow-").append(k.name().toLowerCase(Locale.ROOT)).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
                    .append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"lc-arrowhead lc-")
                    .append(k.name().toLowerCase(Locale.ROOT)).append("\"/></marker>");
        }
        sb.append("</defs>");
        for (Edge e : edges) {
            double[] a = pos.get(e.from()), b = pos.get(e.to());
            if (a == null || b == null) continue;
            boolean onCycle = isCycleEdge(e);
            double dx = b[0] - a[0], dy = b[1] - a[1];
            double len = Math.max(1, Math.hypot(dx, dy));
            double[] p0 = boundary(a, dx, dy, byId.get(e.from()));
            double[] p1 = boundary(b, -dx, -dy, byId.get(e.to()));
            // a gentle bend: edges in both directions between two nodes stay apart
            double bend = 26;
            double mx = (p0[0] + p1[0]) / 2 - dy / len * bend, my = (p0[1] + p1[1]) / 2 + dx / len * bend;
            String k = e.kind().name().toLowerCase(Locale.ROOT);
            sb.append(String.format(Locale.ROOT, "<path class=\"lc-edge lc-%s%s\" data-kind=\"%s\" d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" "
                            + "marker-end=\"url(#lc-arrow-%s)\"/>", k, onCycle ? " lc-on-cycle" : "", k,
                    p0[0], p0[1], mx, my, p1[0], p1[1], k));
            double lx = 0.25 * p0[0] + 0.5 * mx + 0.25 * p1[0], ly = 0.25 * p0[1] + 0.5 * my + 0.25 * p1[1];
            sb.append(String.format(Locale.ROOT, "<text class=\"lc-edge-label lc-%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    k, lx, ly + 4, HtmlReport.esc(e.label())));
        }
        for (Node node : nodes) {
            double[] p = pos.get(node.id());
            double nw = width(node);
            String cls = node.kind() == NodeKind.THREAD ? "lc-thread" : "lc-lock";
            sb.append("<g class=\"lc-node ").append(cls).append(cycle.contains(node.id()) ? " lc-on-cycle" : "")
                    .append("\" data-kind=\"").append(node.kind().name().toLowerCase(Locale.ROOT)).append("\">");
            sb.append("<title>").append(HtmlReport.esc((node.kind() == NodeKind.THREAD ? "thread " : "lock ") + node.label()
                    + (node.detail().isEmpty() ? "" : " (" + node.detail() + ")"))).append("</title>");
            if (node.kind() == NodeKind.THREAD) {
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"10\"/>",
                        p[0] - nw / 2, p[1] - NODE_H / 2.0, nw, NODE_H));
            } else {
                sb.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\"/>",
                        p[0], p[1], nw / 2, NODE_H / 2.0 + 2));
            }
            sb.append(String.format(Locale.ROOT, "<text class=\"lc-node-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    p[0], p[1] - 2, HtmlReport.esc(node.kind() == NodeKind.THREAD ? node.label() : shortLock(node.label()))));
            sb.append(String.format(Locale.ROOT, "<text class=\"lc-node-detail\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    p[0], p[1] + 13, HtmlReport.esc(node.kind() == NodeKind.LOCK ? "lock" : node.detail().isEmpty() ? "thread" : "thread, " + node.detail().toLowerCase(Locale.ROOT))));
            sb.append("</g>");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private boolean isCycleEdge(Edge e) {
        int i = cycle.indexOf(e.from());
        return i >= 0 && cycle.get((i + 1) % cycle.size()).equals(e.to()) && e.kind() != EdgeKind.INVOLVED;
    }

    private static double width(Node n) {
        String label = n.kind() == NodeKind.THREAD ? n.label() : shortLock(n.label());
        double w = Math.max(96, Math.max(label.length(), n.detail().length() + 8) * CHAR_W + 28);
        return n.kind() == NodeKind.LOCK ? w * 1.22 : w; // an ellipse's text needs room at the ends
    }

    /** {@code acme.cache.Cache.lock@Cache.java:12} → {@code Cache.lock@Cache.java:12}: the class and field carry the meaning. */
    static String shortLock(String lock) {
        int at = lock.indexOf('@');
        String name = at < 0 ? lock : lock.substring(0, at);
        String rest = at < 0 ? "" : lock.substring(at);
        String[] parts = name.split("\\.");
        if (parts.length > 2) name = parts[parts.length - 2] + "." + parts[parts.length - 1];
        return name + rest;
    }

    /** Where the segment from the centre {@code c} in direction (dx,dy) leaves the node's box. */
    private static double[] boundary(double[] c, double dx, double dy, Node node) {
        double hw = width(node) / 2 + 3, hh = NODE_H / 2.0 + 4;
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : hw / Math.abs(dx), dy == 0 ? Double.MAX_VALUE : hh / Math.abs(dy));
        if (node.kind() == NodeKind.LOCK) {
            double len = Math.hypot(dx, dy);
            double ux = dx / len, uy = dy / len;
            double te = 1 / Math.sqrt((ux * ux) / (hw * hw) + (uy * uy) / (hh * hh)); // ellipse boundary distance
            return new double[] {c[0] + ux * te, c[1] + uy * te};
        }
        return new double[] {c[0] + dx * t, c[1] + dy * t};
    }
}
