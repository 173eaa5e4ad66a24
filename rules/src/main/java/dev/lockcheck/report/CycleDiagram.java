package dev.lockcheck.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The picture of one runtime finding's cycle, drawn only from the data the agent recorded in
 * {@link Finding#cycle()} (never from message or note text), laid out by lockcheck itself as
 * inline SVG (no script, no library).
 *
 * <p>Nodes are the cycle's threads (boxes), locks (ellipses) and handoffs (the queue, future,
 * latch or monitor a thread waits on; rounded diamonds). Edges are drawn as a wait-for graph so
 * a deadlock reads as a ring of arrows:
 * <ul>
 *   <li>{@code holds}: lock → the thread holding it ("held (read) by");</li>
 *   <li>{@code waits-for}: thread → the lock or handoff it is blocked on ("waits for write");</li>
 *   <li>{@code completes}: handoff → the thread that would complete it ("completed by"; "inferred"
 *       when the agent inferred who it is).</li>
 * </ul>
 * Nodes on a cycle are placed first, around a circle, in cycle order. A finding without cycle data
 * has no diagram ({@link #of} returns null): nothing is guessed.
 */
public final class CycleDiagram {
    public enum NodeKind { THREAD, LOCK, HANDOFF }

    public enum EdgeKind { HOLDS, WAITS, COMPLETES }

    public record Node(String id, NodeKind kind, String label, String detail) {
    }

    /** {@code from → to}; for HOLDS, from is the lock and to the holder; for COMPLETES, from is the handoff. */
    public record Edge(String from, String to, EdgeKind kind, String label, boolean inferred) {
    }

    private final List<Node> nodes;
    private final List<Edge> edges;
    private final List<String> cycle;
    private final boolean live;

    private CycleDiagram(List<Node> nodes, List<Edge> edges, List<String> cycle, boolean live) {
        this.nodes = nodes;
        this.edges = edges;
        this.cycle = cycle;
        this.live = live;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** True when the threads are blocked right now (LC201), false for a predicted cycle. */
    public boolean live() {
        return live;
    }

    /** Node ids on the first wait-for cycle found, in order; empty when the edges close no cycle. */
    public List<String> cycle() {
        return cycle;
    }

    /** The diagram of the finding's cycle, or null when the finding carries none. */
    public static CycleDiagram of(Finding f) {
        Cycle c = f.cycle();
        if (c == null || (c.threads().isEmpty() && c.locks().isEmpty() && c.handoffs().isEmpty())) return null;
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, String> states = new HashMap<>();
        if (f.threads() != null) for (ThreadSnapshot t : f.threads()) states.putIfAbsent(t.name(), t.state());
        for (Cycle.Node t : c.threads()) {
            String state = states.get(t.name());
            nodes.putIfAbsent(t.id(), new Node(t.id(), NodeKind.THREAD, nz(t.name(), t.id()),
                    state == null ? "" : state.toLowerCase(Locale.ROOT)));
        }
        for (Cycle.Node l : c.locks()) nodes.putIfAbsent(l.id(), new Node(l.id(), NodeKind.LOCK, nz(l.name(), l.id()), nz(l.site(), "")));
        for (Cycle.Node h : c.handoffs()) nodes.putIfAbsent(h.id(), new Node(h.id(), NodeKind.HANDOFF, nz(h.name(), h.id()), nz(h.site(), "")));
        List<Edge> edges = new ArrayList<>();
        for (Cycle.Edge e : c.edges()) {
            if (e.from() == null || e.to() == null || !nodes.containsKey(e.from()) || !nodes.containsKey(e.to())) continue;
            String mode = e.mode() == null || e.mode().isBlank() ? "" : e.mode().toLowerCase(Locale.ROOT);
            String kind = e.kind() == null ? "" : e.kind();
            Edge d = switch (kind) {
                case Cycle.HOLDS -> new Edge(e.to(), e.from(), EdgeKind.HOLDS,
                        mode.isEmpty() ? "held by" : "held (" + mode + ") by", e.inferred());
                case Cycle.WAITS_FOR -> new Edge(e.from(), e.to(), EdgeKind.WAITS,
                        nodes.get(e.to()).kind() == NodeKind.HANDOFF ? "waits on" : mode.isEmpty() ? "waits for" : "waits for " + mode,
                        e.inferred());
                case Cycle.COMPLETES -> new Edge(e.to(), e.from(), EdgeKind.COMPLETES,
                        e.inferred() ? "completed by (inferred)" : "completed by", e.inferred());
                default -> null;
            };
            if (d != null && !edges.contains(d)) edges.add(d);
        }
        List<String> cycle = findCycle(nodes.keySet(), edges);
        List<Node> ordered = new ArrayList<>();
        for (String id : cycle) ordered.add(nodes.get(id));
        for (Node n : nodes.values()) if (!cycle.contains(n.id())) ordered.add(n);
        return new CycleDiagram(List.copyOf(ordered), List.copyOf(edges), List.copyOf(cycle), c.live());
    }

    private static String nz(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    private static List<String> findCycle(Set<String> ids, List<Edge> edges) {
        Map<String, List<String>> out = new HashMap<>();
        for (Edge e : edges) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
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
            sb.append(String.format(Locale.ROOT, "<path class=\"lc-edge lc-%s%s%s\" data-kind=\"%s\" data-from=\"%s\" data-to=\"%s\" "
                            + "d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" marker-end=\"url(#lc-arrow-%s)\"/>", k, onCycle ? " lc-on-cycle" : "",
                    e.inferred() ? " lc-inferred" : "", k, HtmlReport.esc(byId.get(e.from()).label()), HtmlReport.esc(byId.get(e.to()).label()),
                    p0[0], p0[1], mx, my, p1[0], p1[1], k));
            double lx = 0.25 * p0[0] + 0.5 * mx + 0.25 * p1[0], ly = 0.25 * p0[1] + 0.5 * my + 0.25 * p1[1];
            sb.append(String.format(Locale.ROOT, "<text class=\"lc-edge-label lc-%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    k, lx, ly + 4, HtmlReport.esc(e.label())));
        }
        for (Node node : nodes) {
            double[] p = pos.get(node.id());
            double nw = width(node);
            String kind = node.kind().name().toLowerCase(Locale.ROOT);
            sb.append("<g class=\"lc-node lc-").append(kind).append(cycle.contains(node.id()) ? " lc-on-cycle" : "")
                    .append("\" data-kind=\"").append(kind).append("\" data-name=\"").append(HtmlReport.esc(node.label())).append("\">");
            sb.append("<title>").append(HtmlReport.esc(kind + " " + node.label()
                    + (node.detail().isEmpty() ? "" : " (" + node.detail() + ")"))).append("</title>");
            switch (node.kind()) {
                case THREAD -> sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"10\"/>",
                        p[0] - nw / 2, p[1] - NODE_H / 2.0, nw, NODE_H));
                case LOCK -> sb.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\"/>",
                        p[0], p[1], nw / 2, NODE_H / 2.0 + 2));
                case HANDOFF -> sb.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>",
                        p[0] - nw / 2, p[1], p[0] - nw / 2 + 14, p[1] - NODE_H / 2.0, p[0] + nw / 2 - 14, p[1] - NODE_H / 2.0,
                        p[0] + nw / 2, p[1], p[0] + nw / 2 - 14, p[1] + NODE_H / 2.0, p[0] - nw / 2 + 14, p[1] + NODE_H / 2.0));
            }
            sb.append(String.format(Locale.ROOT, "<text class=\"lc-node-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    p[0], p[1] - 2, HtmlReport.esc(label(node))));
            sb.append(String.format(Locale.ROOT, "<text class=\"lc-node-detail\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    p[0], p[1] + 13, HtmlReport.esc(detail(node))));
            sb.append("</g>");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private boolean isCycleEdge(Edge e) {
        int i = cycle.indexOf(e.from());
        return i >= 0 && cycle.get((i + 1) % cycle.size()).equals(e.to());
    }

    private static String label(Node n) {
        return n.kind() == NodeKind.LOCK ? shortLock(n.label()) : n.kind() == NodeKind.HANDOFF ? shortLock(n.label()) : n.label();
    }

    private static String detail(Node n) {
        String d = n.detail();
        return switch (n.kind()) {
            case THREAD -> d.isEmpty() ? "thread" : "thread, " + d;
            case LOCK -> d.isEmpty() ? "lock" : "lock, " + shortSite(d);
            case HANDOFF -> d.isEmpty() ? "handoff" : "handoff, " + shortSite(d);
        };
    }

    /** {@code acme/Cache.java:12} or {@code acme.Cache.get(Cache.java:12)} → {@code Cache.java:12}. */
    private static String shortSite(String site) {
        int open = site.lastIndexOf('(');
        String s = open >= 0 && site.endsWith(")") ? site.substring(open + 1, site.length() - 1) : site;
        int slash = s.lastIndexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    private static double width(Node n) {
        double w = Math.max(96, Math.max(label(n).length(), detail(n).length()) * CHAR_W + 28);
        return n.kind() == NodeKind.THREAD ? w : w * 1.18; // an ellipse's or diamond's text needs room at the ends
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
