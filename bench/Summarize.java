import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark helper (run as a source file with lockcheck.jar on the class path, for its Jackson):
 * {@code java -cp lockcheck.jar bench/Summarize.java NAME=report.json...} prints, as Markdown,
 * each tree's findings by rule and severity, its file errors, and every error-level finding
 * (file:line, rule, message) for the precision triage. Reads the JSON as a tree, so report
 * fields added later do not break it.
 */
public class Summarize {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder table = new StringBuilder();
        StringBuilder errorLevel = new StringBuilder();
        StringBuilder fileErrors = new StringBuilder();
        table.append("## lockcheck findings by rule\n\n")
                .append("| tree | files | parsed | scan ms (own stats) | findings | by rule | by severity | file errors | file warnings |\n")
                .append("| --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |\n");
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) throw new IllegalArgumentException("expected NAME=report.json, got " + arg);
            String name = arg.substring(0, eq);
            File file = new File(arg.substring(eq + 1));
            if (!file.isFile()) {
                table.append("| ").append(name).append(" | no report (").append(file).append(") |\n");
                continue;
            }
            JsonNode r = json.readTree(file);
            JsonNode stats = r.path("stats");
            Map<String, Integer> byRule = new TreeMap<>();
            Map<String, Integer> bySeverity = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            for (JsonNode f : r.path("findings")) {
                String rule = f.path("ruleId").asText("?");
                String sev = f.path("severity").asText("?");
                byRule.merge(rule, 1, Integer::sum);
                bySeverity.merge(sev, 1, Integer::sum);
                if (sev.equals("error")) {
                    JsonNode loc = f.path("location");
                    errors.add("- `" + loc.path("file").asText() + ":" + loc.path("line").asInt() + "` " + rule + ": "
                            + f.path("message").asText().replace('\n', ' '));
                }
            }
            int nErr = r.path("errors").size();
            table.append("| ").append(name)
                    .append(" | ").append(stats.path("files").asText("?"))
                    .append(" | ").append(stats.path("parsed").asText("?"))
                    .append(" | ").append(stats.path("durationMs").asText("?"))
                    .append(" | ").append(r.path("findings").size())
                    .append(" | ").append(byRule.isEmpty() ? "-" : format(byRule))
                    .append(" | ").append(bySeverity.isEmpty() ? "-" : format(bySeverity))
                    .append(" | ").append(nErr)
                    .append(" | ").append(r.path("warnings").size())
                    .append(" |\n");
            errorLevel.append("### ").append(name).append(": ").append(errors.size()).append(" error-level finding(s)\n\n");
            for (String e : errors) errorLevel.append(e).append('\n');
            if (!errors.isEmpty()) errorLevel.append('\n');
            if (nErr > 0) {
                fileErrors.append("- ").append(name).append(":\n");
                for (JsonNode e : r.path("errors")) {
                    fileErrors.append("  - `").append(e.path("file").asText()).append("`: ")
                            .append(e.path("message").asText().replace('\n', ' ')).append('\n');
                }
            }
        }
        System.out.print(table);
        System.out.println();
        System.out.println("## lockcheck error-level findings (for triage)");
        System.out.println();
        System.out.print(errorLevel);
        if (fileErrors.length() > 0) {
            System.out.println("## lockcheck file errors (not analysed)");
            System.out.println();
            System.out.print(fileErrors);
        }
    }

    private static String format(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
