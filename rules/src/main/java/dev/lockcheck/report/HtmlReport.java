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
 * inline SVG by {@link CycleDiagram} from the finding's {@code cycle} data (threads, locks,
 * handoffs; who holds, who waits, who would complete the handoff), its threads' stacks and its
 * trace; then static findings with their traces; then files that could not be analysed; then the
 * page of every rule the report names, which each rule id links to.
 *
 * <p>A filter bar (free text, rule, severity) hides the cards that do not match; each card carries
 * {@code data-rule}, {@code data-severity} and {@code data-text} for it.
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
        long withCycle = runtime.stream().filter(f -> CycleDiagram.of(f) != null).count();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                        + "script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>lockcheck report</title>\n<style>").append(CSS).append("</style>\n</head>\n")
                .append("<body data-ready=\"false\" data-js-errors=\"0\" data-cycles-expected=\"").append(withCycle).append("\">\n");
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
        if (!report.findings().isEmpty()) filters(h, report);

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
        rulePages(h, report);
        h.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    static boolean isRuntime(Finding f) {
        return f.cycle() != null || (f.threads() != null && !f.threads().isEmpty());
    }

    /** Free text, rule and severity filters; the script hides the cards that do not match. */
    private void filters(StringBuilder h, Report report) {
        java.util.Set<String> rules = new java.util.TreeSet<>();
        for (Finding f : report.findings()) rules.add(f.ruleId());
        h.append("<form id=\"lc-filters\" class=\"lc-filters\" role=\"search\" onsubmit=\"return false\">")
                .append("<label>Search <input type=\"search\" id=\"lc-q\" placeholder=\"message, file, lock, thread\"></label>")
                .append("<label>Rule <select id=\"lc-rule\"><option value=\"\">all rules</option>");
        for (String r : rules) {
            h.append("<option value=\"").append(esc(r)).append("\">").append(esc(r));
            RuleCatalog.get().find(r).map(Rule::name).ifPresent(n -> h.append(" ").append(esc(n)));
            h.append("</option>");
        }
        h.append("</select></label><label>Severity <select id=\"lc-sev\"><option value=\"\">all</option>")
                .append("<option value=\"error\">error</option><option value=\"warning\">warning and above</option>")
                .append("<option value=\"note\">note and above</option></select></label>")
                .append("<span id=\"lc-shown\" class=\"lc-shown\" aria-live=\"polite\"></span></form>\n");
    }

    /** The page of each rule the report names: where every rule id on the page links to. */
    private void rulePages(StringBuilder h, Report report) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Finding f : report.findings()) ids.add(f.ruleId());
        List<Rule> rules = ids.stream().map(id -> RuleCatalog.get().find(id).orElse(null)).filter(java.util.Objects::nonNull).toList();
        if (rules.isEmpty()) return;
        h.append("<section id=\"rules\"><h2>Rules</h2>\n");
        for (Rule r : rules) {
            h.append("<details class=\"lc-rule-page\" id=\"rule-").append(esc(r.id())).append("\"><summary><b>").append(esc(r.id()))
                    .append("</b> ").append(esc(r.name())).append(": ").append(esc(r.summary())).append("</summary><pre>")
                    .append(esc(r.page().strip())).append("</pre></details>\n");
        }
        h.append("</section>\n");
    }

    private void runtimeCard(StringBuilder h, Finding f, int n) {
        open(h, f, "lc-runtime");
        heading(h, f);
        CycleDiagram d = CycleDiagram.of(f);
        if (d != null) {
            h.append("<figure class=\"lc-figure\" data-cycle=\"").append(n).append("\">").append(d.svg("cycle " + n + ": " + f.message()));
            h.append("<figcaption>").append(caption(d)).append("</figcaption>").append(LEGEND).append("</figure>");
        } else {
            h.append("<p class=\"lc-no-cycle\">No diagram: this finding carries no cycle data (a report from an older agent?).</p>");
        }
        if (f.threads() == null) {
            trace(h, f);
            h.append("</article>\n");
            return;
        }
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

    private static String caption(CycleDiagram d) {
        if (d.cycle().isEmpty()) {
            return d.live() ? "The threads, locks and handoffs involved, as the agent saw them blocked."
                    : "The threads, locks and handoffs involved, as the agent saw them at different moments of the run.";
        }
        java.util.Map<String, CycleDiagram.Node> byId = new java.util.HashMap<>();
        for (CycleDiagram.Node node : d.nodes()) byId.put(node.id(), node);
        String ring = String.join(" \u2192 ", d.cycle().stream().map(id -> byId.get(id).label()).toList());
        return (d.live() ? "The cycle, blocked now: " : "The cycle the run can close: ") + esc(ring) + " \u2192 back to the start. "
                + (d.live() ? "Nobody can move." : "Had these waits met, nobody could have moved.");
    }

    private void open(StringBuilder h, Finding f, String cls) {
        String sev = f.severity() == null ? "note" : f.severity().id();
        StringBuilder text = new StringBuilder().append(f.ruleId()).append(' ').append(f.message()).append(' ')
                .append(f.location() == null ? "" : f.location().file()).append(' ').append(f.lock() == null ? "" : f.lock());
        RuleCatalog.get().find(f.ruleId()).ifPresent(r -> text.append(' ').append(r.name()));
        if (f.threads() != null) for (ThreadSnapshot t : f.threads()) text.append(' ').append(t.name());
        h.append("<article class=\"lc-finding ").append(cls).append(f.suppressedBy() != null ? " lc-suppressed" : "")
                .append("\" data-rule=\"").append(esc(f.ruleId())).append("\" data-severity=\"").append(sev)
                .append("\" data-text=\"").append(esc(text.toString().toLowerCase(java.util.Locale.ROOT))).append("\">");
    }

    private void staticCard(StringBuilder h, Finding f) {
        open(h, f, "lc-static");
        heading(h, f);
        trace(h, f);
        h.append("</article>\n");
    }

    private void heading(StringBuilder h, Finding f) {
        Location l = f.location();
        String sev = f.severity() == null ? "note" : f.severity().id();
        h.append("<h3><span class=\"lc-sev lc-").append(sev).append("\">").append(sev).append("</span> <span class=\"lc-rule\">");
        var rule = RuleCatalog.get().find(f.ruleId());
        if (rule.isPresent()) {
            h.append("<a class=\"lc-rule-link\" href=\"#rule-").append(esc(f.ruleId())).append("\" title=\"the rule's page\">")
                    .append(esc(f.ruleId())).append(" ").append(esc(rule.get().name())).append("</a>");
        } else {
            h.append(esc(f.ruleId()));
        }
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
            + "<li><span class=\"lc-key lc-waits\"></span>thread waits for a lock or on a handoff</li>"
            + "<li><span class=\"lc-key lc-completes\"></span>handoff that only this thread would complete</li>"
            + "<li><span class=\"lc-key lc-inferred-key\"></span>inferred by the agent, not seen</li></ul>";

    private static final String CSS = """
            :root{--fg:#1d2330;--muted:#5b6475;--bg:#f6f7f9;--card:#fff;--line:#d9dde4;--err:#c62828;--warn:#b26a00;\
            --note:#1565c0;--holds:#2e7d32;--waits:#c62828;--completes:#6a1b9a}
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
            .lc-node polygon{fill:#f3e5f5;stroke:#6a1b9a;stroke-width:1.5}
            .lc-node.lc-on-cycle rect,.lc-node.lc-on-cycle ellipse,.lc-node.lc-on-cycle polygon{stroke-width:3}
            .lc-node-label{font:600 13px ui-monospace,Menlo,Consolas,monospace;fill:#1d2330}
            .lc-node-detail{font:11px system-ui,sans-serif;fill:#5b6475}
            .lc-edge{fill:none;stroke-width:2}
            .lc-edge.lc-on-cycle{stroke-width:3.2}
            .lc-edge.lc-holds{stroke:var(--holds)}
            .lc-edge.lc-waits{stroke:var(--waits);stroke-dasharray:7 4}
            .lc-edge.lc-completes{stroke:var(--completes);stroke-dasharray:2 4;stroke-linecap:round}
            .lc-edge.lc-inferred{opacity:.6}
            .lc-arrowhead.lc-holds{fill:var(--holds)}.lc-arrowhead.lc-waits{fill:var(--waits)}.lc-arrowhead.lc-completes{fill:var(--completes)}
            .lc-edge-label{font:600 12px system-ui,sans-serif;paint-order:stroke;stroke:#fbfcfd;stroke-width:4px;stroke-linejoin:round}
            .lc-edge-label.lc-holds{fill:var(--holds)}.lc-edge-label.lc-waits{fill:var(--waits)}.lc-edge-label.lc-completes{fill:var(--completes)}
            .lc-legend{list-style:none;padding:0;margin:6px 0 0;display:flex;flex-wrap:wrap;gap:16px;font-size:13px;color:var(--muted)}
            .lc-key{display:inline-block;width:28px;height:0;border-top:3px solid;margin-right:6px;vertical-align:middle}
            .lc-key.lc-holds{border-color:var(--holds)}.lc-key.lc-waits{border-top-style:dashed;border-color:var(--waits)}
            .lc-key.lc-completes{border-top-style:dotted;border-color:var(--completes)}.lc-key.lc-inferred-key{border-color:#b0b7c3}
            .lc-filters{display:flex;flex-wrap:wrap;gap:14px;align-items:center;margin:4px 0 12px;font-size:14px}
            .lc-filters input,.lc-filters select{font:inherit;margin-left:4px;padding:2px 6px}
            .lc-shown{color:var(--muted)}
            .lc-finding[hidden]{display:none}
            .lc-rule-link{color:inherit}
            .lc-rule-page pre{white-space:pre-wrap;background:var(--card);border:1px solid var(--line);padding:8px}
            .lc-no-cycle{color:var(--muted);font-style:italic}
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
              var q=document.getElementById('lc-q'), rs=document.getElementById('lc-rule'), ss=document.getElementById('lc-sev');
              var rank={error:3,warning:2,note:1};
              function filter(){
                var text=q?q.value.trim().toLowerCase():'', rule=rs?rs.value:'', sev=ss?ss.value:'';
                var cards=document.querySelectorAll('article.lc-finding'), shown=0;
                for(var i=0;i<cards.length;i++){
                  var c=cards[i], ok=(!rule||c.getAttribute('data-rule')===rule)
                    &&(!sev||(rank[c.getAttribute('data-severity')]||0)>=rank[sev])
                    &&(!text||(c.getAttribute('data-text')||'').indexOf(text)>=0);
                  c.hidden=!ok; if(ok) shown++;
                }
                var out=document.getElementById('lc-shown');
                if(out) out.textContent=shown+' of '+cards.length+' shown';
                body.setAttribute('data-shown', String(shown));
              }
              if(q){ q.addEventListener('input', filter); rs.addEventListener('change', filter); ss.addEventListener('change', filter); filter(); }
              // getBBox forces layout, so the check needs no animation frame (headless dumps may never paint one)
              if(document.readyState==='complete'){ check(); } else { window.addEventListener('load', check); }
            })();
            """;
}
