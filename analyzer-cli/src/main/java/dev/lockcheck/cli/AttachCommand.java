package dev.lockcheck.cli;

import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockcheck attach PID}: loads the agent into a running JVM (Attach API) and retransforms its loaded classes. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Load the lockcheck agent into a running JVM (Attach API) and retransform its loaded "
                + "application classes; from then on it tracks locks and handoffs and reports as with -javaagent.",
                "",
                "Locks already held at attach time are invisible: the agent sees only acquisitions made after it "
                + "is loaded, so a deadlock that already happened, or a read lock taken before, is not reported. "
                + "Methods running at attach time (an endless loop in main) keep their old code until called again.",
                "",
                "The report is written by the target JVM (a relative report= path is relative to its working "
                + "directory); findings also go to its standard error."},
        footer = {"", "Example: lockcheck attach 12345 --agent-options report=/tmp/app-locks.json,interval=500"})
final class AttachCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PID", description = "process id of the target JVM (same user, a JDK runtime)")
    String pid;

    @Option(names = "--agent", paramLabel = "JAR", description = "the agent jar (default: $LOCKCHECK_AGENT_JAR, or next to the CLI)")
    Path agent;

    @Option(names = "--agent-options", paramLabel = "OPTS", description = "agent options, e.g. report=/tmp/locks.json,onDeadlock=report")
    String agentOptions;

    @Override
    public Integer call() {
        if (!pid.matches("\\d+")) throw new Main.UsageException("PID must be a process id, not '" + pid + "'");
        if (pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            throw new Main.UsageException("cannot attach to lockcheck itself");
        }
        Path jar = AgentJar.locate(agent);
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (Exception e) {
            throw new Main.UsageException("cannot attach to process " + pid + ": " + e.getMessage()
                    + " (is it a running JVM of the same user?)");
        }
        try {
            vm.loadAgent(jar.toString(), agentOptions == null ? "" : agentOptions);
            spec.commandLine().getOut().println("lockcheck: agent loaded into " + pid + "; locks held before now are not seen."
                    + " Findings go to the process's standard error and its report file.");
            return Main.EXIT_OK;
        } catch (Exception e) {
            spec.commandLine().getErr().println("lockcheck: could not load the agent into " + pid + ": " + e.getMessage());
            return Main.EXIT_FAILURE;
        } finally {
            try {
                vm.detach();
            } catch (Exception ignored) {
                // already gone
            }
        }
    }
}
