package dev.lockcheck.cli;

import dev.lockcheck.rules.Rule;
import dev.lockcheck.rules.RuleCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "explain", description = "Print a rule's page: what it flags, why, a bad and a fixed example.",
        mixinStandardHelpOptions = true)
final class ExplainCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "RULE", description = "rule id, e.g. LC001, or its name")
    String id;

    @Override
    public Integer call() {
        Rule rule = RuleCatalog.get().find(id)
                .or(() -> RuleCatalog.get().all().stream().filter(r -> r.name().equalsIgnoreCase(id)).findFirst())
                .orElseThrow(() -> new Main.UsageException("unknown rule '" + id + "'; 'lockcheck rules' lists them"));
        spec.commandLine().getOut().print(rule.page());
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
