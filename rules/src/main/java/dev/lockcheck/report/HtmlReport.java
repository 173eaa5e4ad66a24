package dev.lockcheck.report;

import dev.lockcheck.rules.Rule;
import dev.lockcheck.rules.RuleCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One self-contained HTML page (inline CSS and script, no external resource of any kind) with
 * every finding of a report: runtime findings first, each with a picture of its cycle drawn as
 * inline SVG by {@link CycleDiagram} (threads, locks, who holds, who waits, the handoff edge),
 * its threads' stacks and its trace; then static findings with their traces; then files that
 * could not be analysed.
 *
 * <h2>What the drawing reads from a runtime finding</h2>
 * {@code threads} (name, state, stack), {@code lock}, and trace notes of the forms
 * <pre>
 * thread "A" holds read lock L
 * thread "W" waits for write lock L
 * thread "B" waits for read lock L
 * thread "A" waits for thread "B" (SynchronousQueue.put)
 * </pre>
 * (details in {@link CycleDiagram}). A finding without them is drawn as its threads and its lock.
 *
 * <p>The page's script records any script error into {@code #lc-js-errors} and
 * {@code body[data-js-errors]}, checks after layout that each diagram drew (non-empty bounding
 * box) and marks it {@code data-rendered="true"}, and sets {@code body[data-cycles-rendered]} and
 * {@code body[data-ready]}: what the browser test reads.
 */
public final class HtmlReport {
    public void write(Report report, OutputStream out) throws IOException {
        out.write(render(report).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public String render(Report report) {
        List<Finding> runtime = report.findings().stream().filter(HtmlReport::isRuntime).toList();
        List<Finding> statics = report.findings().stream().filter(f -> !isRuntime(f)).toList();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                        + "script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>lockcheck report</title>\n<style>").append(CSS).append("</style>\n</head>\n")
                .append("<body data-ready=\"false\" data-js-errors=\"0\" data-cycles-expected=\"").append(runtime.size()).append("\">\n");
        Tool tool = report.tool() == null ? Tool.LOCKCHECK : report.tool();
        h.append("<header><h1>lockcheck report</h1><p class=\"lc-meta\">").append(esc(tool.name() + " " + tool.version()))
                .append(report.source() == null ? "" : " &middot; " + esc(report.source()) + " analysis")
                .append("</p><p class=\"lc-summary\">").append(esc(TextReport.summary(report))).append("</p>");
        List<String> byRule = TextReport.byRule(report);
        if (!byRule.isEmpty()) {
            h.append("<ul class=\"lc-by-rule\">");
            for (String line : byRule) h.append("<li>").append(esc(line)).append("</li>");
            h.append("</ul>");
        }
        h.append("<div id=\"lc-js-errors\" hidden></div></header>\n<main>\n");

        if (!runtime.isEmpty()) {
            h.append("<section id=\"runtime\"><h2>Runtime findings (").append(runtime.size()).append(")</h2>\n");
            int i = 0;
            for (Finding f : runtime) runtimeCard(h, f, ++i);
            h.append("</section>\n");
        }
        if (!statics.isEmpty()) {
            h.append("<section id=\"static\"><h2>Static findings (").append(statics.size()).append(")</h2>\n");
            for (Finding f : statics) staticCard(h, f);
            h.append("</section>\n");
        }
        if (report.findings().isEmpty()) h.append("<p class=\"lc-clean\">No findings.</p>\n");
        if (!report.errors().isEmpty() || !report.warnings().isEmpty()) {
            h.append("<section id=\"files\"><h2>Files not analysed or analysed with a caveat</h2><ul>");
            for (FileError e : report.errors()) h.append("<li><span class=\"lc-sev lc-error\">error</span> <code>").append(esc(e.file()))
                    .append("</code>: ").append(esc(e.message())).append("</li>");
            for (FileError e : report.warnings()) h.append("<li><span class=\"lc-sev lc-warning\">warning</span> <code>").append(esc(e.file()))
                    .append("</code>: ").append(esc(e.message())).append("</li>");
            h.append("</ul></section>\n");
        }
        h.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    static boolean isRuntime(Finding f) {
        return f.threads() != null && !f.threads().isEmpty();
    }

    private void runtimeCard(StringBuilder h, Finding f, int n) {
        h.append("<article class=\"lc-finding lc-runtime").append(f.suppressedBy() != null ? " lc-suppressed" : "").append("\">");
        heading(h, f);
        CycleDiagram d = CycleDiagram.of(f);
        h.append("<figure class=\"lc-figure\" data-cycle=\"").append(n).append("\">").append(d.svg("cycle " + n + ": " + f.message()));
        h.append("<figcaption>").append(d.cycle().isEmpty()
                ? "Threads involved and the lock (the report does not say who holds or waits)."
                : "The cycle: " + esc(String.join(" \u2192 ", d.cycle().stream().map(HtmlReport::nodeName).toList()))
                + " \u2192 back to the start. Nobody can move.");
        h.append("</figcaption>").append(LEGEND).append("</figure>");
        h.append("<div class=\"lc-threads\">");
        for (ThreadSnapshot t : f.threads()) {
            h.append("<details open><summary>thread <b>").append(esc(t.name())).append("</b> #").append(t.id()).append(" ")
                    .append("<span class=\"lc-state\">").append(esc(t.state() == null ? "" : t.state())).append("</span></summary><pre>");
            for (String frame : t.stack()) h.append("at ").append(esc(frame)).append('\n');
            h.append("</pre></details>");
        }
        h.append("</div>");
        trace(h, f);
        h.append("</article>\n");
    }

    private static String nodeName(String id) {
        return id.substring(2);
    }

    private void staticCard(StringBuilder h, Finding f) {
        h.append("<article class=\"lc-finding lc-static").append(f.suppressedBy() != null ? " lc-suppressed" : "").append("\">");
        heading(h, f);
        trace(h, f);
        h.append("</article>\n");
    }

    private void heading(StringBuilder h, Finding f) {
        Location l = f.location();
        String sev = f.severity() == null ? "note" : f.severity().id();
        h.append("<h3><span class=\"lc-sev lc-").append(sev).append("\">").append(sev).append("</span> <span class=\"lc-rule\">")
                .append(esc(f.ruleId()));
        RuleCatalog.get().find(f.ruleId()).map(Rule::name).ifPresent(name -> h.append(" ").append(esc(name)));
        h.append("</span> ").append(esc(f.message())).append("</h3>");
        h.append("<p class=\"lc-where\"><code>").append(esc(l.file() + ":" + l.line() + ":" + l.column())).append("</code>");
        if (f.lock() != null) h.append(" &middot; lock <code>").append(esc(f.lock())).append("</code>");
        if (f.suppressedBy() != null) h.append(" &middot; <span class=\"lc-sup\">suppressed: ").append(esc(f.suppressedBy())).append("</span>");
        h.append("</p>");
        RuleCatalog.get().find(f.ruleId()).ifPresent(r -> h.append("<p class=\"lc-why\">").append(esc(r.summary())).append("</p>"));
    }

    private void trace(StringBuilder h, Finding f) {
        if (f.trace().isEmpty()) return;
        h.append("<ol class=\"lc-trace\">");
        for (TraceStep t : f.trace()) {
            h.append("<li><code>").append(esc(t.file() + ":" + t.line())).append("</code> ").append(esc(t.note())).append("</li>");
        }
        h.append("</ol>");
    }

    /** HTML text and attribute escaping. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') b.append(' ');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static final String LEGEND = "<ul class=\"lc-legend\">"
            + "<li><span class=\"lc-key lc-holds\"></span>lock held by a thread</li>"
            + "<li><span class=\"lc-key lc-waits\"></span>thread waits for a lock</li>"
            + "<li><span class=\"lc-key lc-handoff\"></span>thread waits for another thread (handoff)</li>"
            + "<li><span class=\"lc-key lc-involved\"></span>involved (part not reported)</li></ul>";

    private static final String CSS = """
            :root{--fg:#1d2330;--muted:#5b6475;--bg:#f6f7f9;--card:#fff;--line:#d9dde4;--err:#c62828;--warn:#b26a00;\
            --note:#1565c0;--holds:#2e7d32;--waits:#c62828;--handoff:#6a1b9a;--involved:#78909c}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
            header{background:#1d2330;color:#fff;padding:18px 28px}
            header h1{margin:0;font-size:22px}
            .lc-meta{margin:2px 0;color:#b8c0cf}
            .lc-summary{margin:6px 0 4px;font-weight:600}
            .lc-by-rule{margin:0;padding-left:18px;color:#dfe4ec;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
            main{padding:16px 28px;max-width:1200px}
            h2{font-size:18px;margin:22px 0 10px}
            .lc-finding{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:0 0 14px}
            .lc-finding h3{font-size:16px;margin:0 0 4px}
            .lc-suppressed{opacity:.65}
            .lc-sev{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-size:12px;text-transform:uppercase;vertical-align:2px}
            .lc-sev.lc-error{background:var(--err)}.lc-sev.lc-warning{background:var(--warn)}.lc-sev.lc-note{background:var(--note)}
            .lc-rule{font-family:ui-monospace,Menlo,Consolas,monospace;color:var(--muted)}
            .lc-where,.lc-why{margin:2px 0;color:var(--muted)}
            code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
            .lc-trace{margin:6px 0;padding-left:22px}
            .lc-figure{margin:10px 0;overflow-x:auto}
            figcaption{color:var(--muted);font-size:14px}
            .lc-cycle{display:block;max-width:100%;height:auto;background:#fbfcfd;border:1px solid var(--line);border-radius:6px}
            .lc-node rect{fill:#e8f0fe;stroke:#3c5a99;stroke-width:1.5}
            .lc-node ellipse{fill:#fff4e0;stroke:#b26a00;stroke-width:1.5}
            .lc-node.lc-on-cycle rect,.lc-node.lc-on-cycle ellipse{stroke-width:3}
            .lc-node-label{font:600 13px ui-monospace,Menlo,Consolas,monospace;fill:#1d2330}
            .lc-node-detail{font:11px system-ui,sans-serif;fill:#5b6475}
            .lc-edge{fill:none;stroke-width:2}
            .lc-edge.lc-on-cycle{stroke-width:3.2}
            .lc-edge.lc-holds{stroke:var(--holds)}
            .lc-edge.lc-waits{stroke:var(--waits);stroke-dasharray:7 4}
            .lc-edge.lc-handoff{stroke:var(--handoff);stroke-dasharray:2 4;stroke-linecap:round}
            .lc-edge.lc-involved{stroke:var(--involved);stroke-dasharray:3 3}
            .lc-arrowhead.lc-holds{fill:var(--holds)}.lc-arrowhead.lc-waits{fill:var(--waits)}
            .lc-arrowhead.lc-handoff{fill:var(--handoff)}.lc-arrowhead.lc-involved{fill:var(--involved)}
            .lc-edge-label{font:600 12px system-ui,sans-serif;paint-order:stroke;stroke:#fbfcfd;stroke-width:4px;stroke-linejoin:round}
            .lc-edge-label.lc-holds{fill:var(--holds)}.lc-edge-label.lc-waits{fill:var(--waits)}
            .lc-edge-label.lc-handoff{fill:var(--handoff)}.lc-edge-label.lc-involved{fill:var(--involved)}
            .lc-legend{list-style:none;padding:0;margin:6px 0 0;display:flex;flex-wrap:wrap;gap:16px;font-size:13px;color:var(--muted)}
            .lc-key{display:inline-block;width:28px;height:0;border-top:3px solid;margin-right:6px;vertical-align:middle}
            .lc-key.lc-holds{border-color:var(--holds)}.lc-key.lc-waits{border-top-style:dashed;border-color:var(--waits)}
            .lc-key.lc-handoff{border-top-style:dotted;border-color:var(--handoff)}.lc-key.lc-involved{border-top-style:dashed;border-color:var(--involved)}
            .lc-threads details{margin:4px 0}
            .lc-threads pre{margin:4px 0 4px 18px;white-space:pre-wrap}
            .lc-state{color:var(--muted);font-size:13px}
            .lc-sup{color:var(--warn)}
            .lc-clean{font-size:18px}
            #lc-js-errors{background:#ffebee;color:var(--err);padding:8px;margin-top:8px;white-space:pre-wrap}
            """;

    private static final String SCRIPT = """
            (function(){
              var body=document.body, errors=0;
              function record(msg){
                errors++; body.setAttribute('data-js-errors', String(errors));
                var box=document.getElementById('lc-js-errors');
                if(box){box.hidden=false; box.appendChild(document.createTextNode(msg+'\\n'));}
              }
              window.addEventListener('error', function(e){ record('script error: '+(e.message||e)); });
              window.addEventListener('unhandledrejection', function(e){ record('unhandled rejection: '+e.reason); });
              function check(){
                var svgs=document.querySelectorAll('svg.lc-cycle'), ok=0;
                for(var i=0;i<svgs.length;i++){
                  var s=svgs[i], nodes=s.querySelectorAll('.lc-node').length, box=s.getBBox();
                  if(nodes>0 && box.width>0 && box.height>0){ s.setAttribute('data-rendered','true'); ok++; }
                  else { s.setAttribute('data-rendered','false'); }
                }
                body.setAttribute('data-cycles-rendered', String(ok));
                body.setAttribute('data-ready','true');
              }
              // getBBox forces layout, so the check needs no animation frame (headless dumps may never paint one)
              if(document.readyState==='complete'){ check(); } else { window.addEventListener('load', check); }
            })();
            """;
}
