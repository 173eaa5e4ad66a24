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

    /** Set by the agent in the target when it starts ({@code AgentMain.RUNNING_PROPERTY}). */
    static final String RUNNING_PROPERTY = "lockcheck.agent.options";

    /**
     * Why {@code pid} must not be signalled, or null when it is a JVM. The Attach API asks a HotSpot JVM to
     * start its attach listener with SIGQUIT, which kills any other process: so the target must be listed
     * by the JVM's own discovery (its performance-data file) or have libjvm mapped (/proc/PID/maps).
     */
    static String notAJvm(long pid) {
        java.util.Optional<ProcessHandle> ph = ProcessHandle.of(pid);
        if (ph.isEmpty() || !ph.get().isAlive()) return "no process " + pid;
        String p = Long.toString(pid);
        try {
            for (var d : VirtualMachine.list()) if (d.id().equals(p)) return null;
        } catch (RuntimeException e) {
            // discovery unavailable: fall back to the memory map
        }
        java.nio.file.Path maps = java.nio.file.Path.of("/proc", p, "maps");
        if (java.nio.file.Files.isReadable(maps)) {
            try (var lines = java.nio.file.Files.lines(maps)) {
                if (lines.anyMatch(l -> l.endsWith("/libjvm.so"))) return null;
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // unreadable: treat as unknown below
            }
        }
        String cmd = ph.get().info().command().orElse("?");
        return "process " + pid + " (" + cmd + ") is not a Java VM that lockcheck can attach to; it was not signalled";
    }

    @Override
    public Integer call() {
        if (!pid.matches("\\d+")) throw new Main.UsageException("PID must be a process id, not '" + pid + "'");
        if (pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            throw new Main.UsageException("cannot attach to lockcheck itself");
        }
        Path jar = AgentJar.locate(agent);
        AgentOptions.check(jar, agentOptions, "--agent-options");
        String notJvm = notAJvm(Long.parseLong(pid));
        if (notJvm != null) throw new Main.UsageException(notJvm);
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (Exception e) {
            throw new Main.UsageException("cannot attach to process " + pid + ": " + e.getMessage()
                    + " (is it a running JVM of the same user?)");
        }
        try {
            String running = vm.getSystemProperties().getProperty(RUNNING_PROPERTY);
            if (running != null) {
                spec.commandLine().getErr().println("lockcheck: the agent is already running in " + pid + " (options '"
                        + running + "'); it cannot be loaded twice"
                        + (agentOptions == null || agentOptions.isBlank() ? "" : ", so '" + agentOptions + "' would be ignored")
                        + ". Restart the process to change its options.");
                return Main.EXIT_USAGE;
            }
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
