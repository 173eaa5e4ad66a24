package dev.lockcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lockcheck}: the command line. Exit codes: 0 clean, 1 findings, 2 bad usage or input, 3 analysis failed. */
@Command(name = "lockcheck",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Finds lock misuse in Java: read locks held across handoffs, read-to-write upgrades, "
                + "StampedLock re-entry, unsafe and mismatched releases.",
        subcommands = {
                ScanCommand.class,
                RulesCommand.class,
                ExplainCommand.class,
                ReportCommand.class,
        })
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILURE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line without exiting: what tests call. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_FAILURE);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                commandLine.getErr().println("lockcheck: " + ex.getMessage());
                return EXIT_USAGE;
            }
            commandLine.getErr().println("lockcheck: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return EXIT_FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String msg = ex.getMessage();
            // name the bad option itself rather than the missing PATH it swallowed
            java.util.List<String> unmatched = c.getUnmatchedArguments();
            if (ex instanceof CommandLine.MissingParameterException && !unmatched.isEmpty() && unmatched.get(0).startsWith("-")) {
                msg = "unknown option '" + unmatched.get(0) + "'";
            }
            c.getErr().println("lockcheck: " + msg);
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_USAGE;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new UsageException("a command is required: scan, rules, explain");
    }

    /** Standard output closed by its reader ({@code | head}): not an error of ours. */
    static boolean isBrokenPipe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Broken pipe")) return true;
            for (Throwable s : t.getSuppressed()) if (s.getMessage() != null && s.getMessage().contains("Broken pipe")) return true;
        }
        return false;
    }

    /** Bad usage or unreadable input: exit 2 with the message. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lockcheck " + dev.lockcheck.report.Tool.VERSION};
        }
    }
}
