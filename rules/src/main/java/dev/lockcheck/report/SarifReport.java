package dev.lockcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockcheck.rules.Rule;
import dev.lockcheck.rules.RuleCatalog;
import dev.lockcheck.rules.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.UnaryOperator;

/** SARIF 2.1.0: one run, the catalog as {@code tool.driver.rules}, repo-relative artifact URIs. */
public final class SarifReport {
    private final UnaryOperator<String> repoRelative;

    /** @param repoRelative maps a report path to a path relative to the repository root */
    public SarifReport(UnaryOperator<String> repoRelative) {
        this.repoRelative = repoRelative;
    }

    public void write(Report report, OutputStream out) throws IOException {
        ObjectNode root = ReportJson.mapper().createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", report.tool().name());
        driver.put("version", report.tool().version());
        driver.put("semanticVersion", report.tool().version());
        driver.put("informationUri", "https://github.com/lockcheck/lockcheck");
        ArrayNode rules = driver.putArray("rules");
        var catalog = RuleCatalog.get().all();
        for (Rule r : catalog) {
            ObjectNode rn = rules.addObject();
            rn.put("id", r.id());
            rn.put("name", r.name());
            rn.putObject("shortDescription").put("text", r.summary());
            rn.putObject("fullDescription").put("text", r.summary());
            rn.putObject("help").put("text", r.page()).put("markdown", r.page());
            rn.putObject("defaultConfiguration").put("level", level(r.severity()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.ruleId());
            for (int i = 0; i < catalog.size(); i++) {
                if (catalog.get(i).id().equals(f.ruleId())) res.put("ruleIndex", i);
            }
            res.put("level", level(f.severity()));
            res.putObject("message").put("text", f.message());
            location(res.putArray("locations").addObject(), f.location().file(), f.location().line(), f.location().column());
            if (f.fingerprint() != null) res.putObject("partialFingerprints").put("lockcheck/v1", f.fingerprint());
        }
        ReportJson.mapper().writeValue(new java.io.FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, root);
        out.write('\n');
        out.flush();
    }

    private void location(ObjectNode loc, String file, int line, int column) {
        ObjectNode phys = loc.putObject("physicalLocation");
        phys.putObject("artifactLocation").put("uri", repoRelative.apply(file)).put("uriBaseId", "%SRCROOT%");
        ObjectNode region = phys.putObject("region");
        region.put("startLine", Math.max(1, line));
        if (column > 0) region.put("startColumn", column);
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }
}
