package dev.lockcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds lockcheck-agent.jar: --agent, then $LOCKCHECK_AGENT_JAR (set by the launchers), then next to the CLI jar (the distribution's lib/), then the build tree. */
final class AgentJar {
    private AgentJar() {
    }

    static Path locate(Path explicit) {
        if (explicit != null) return check(explicit, "--agent");
        String env = System.getenv("LOCKCHECK_AGENT_JAR");
        if (env != null && !env.isBlank()) return check(Path.of(env), "LOCKCHECK_AGENT_JAR");
        try {
            Path cli = Path.of(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path sibling = cli.resolveSibling("lockcheck-agent.jar");
            if (Files.isRegularFile(sibling)) return sibling.toAbsolutePath();
            Path candidate = cli.getParent().resolve("../../analyzer-agent/target/lockcheck-agent.jar").normalize();
            if (Files.isRegularFile(candidate)) return candidate.toAbsolutePath();
        } catch (Exception e) {
            // fall through to the message below
        }
        throw new Main.UsageException("cannot find lockcheck-agent.jar: build it (mvn -pl analyzer-agent -am package), "
                + "or give --agent PATH or set LOCKCHECK_AGENT_JAR");
    }

    private static Path check(Path p, String from) {
        if (!Files.isRegularFile(p)) throw new Main.UsageException(from + ": no agent jar at " + p);
        return p.toAbsolutePath().normalize();
    }
}
