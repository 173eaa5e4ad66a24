package dev.lockcheck.cli;

import dev.lockcheck.rules.Rule;
import dev.lockcheck.rules.RuleCatalog;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "rules", description = "List the rule catalog, one line a rule.", mixinStandardHelpOptions = true)
final class RulesCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Rule r : RuleCatalog.get().all()) {
            out.printf("%s  %-28s %-8s %-8s %s%n", r.id(), r.name(), r.severity().id(),
                    r.kind().name().toLowerCase(java.util.Locale.ROOT), r.summary());
        }
        out.flush();
        return Main.EXIT_OK;
    }
}
