package dev.lockcheck.cli;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Agent options checked by the agent's own parser (loaded from the agent jar in a throwaway class
 * loader) before any JVM is started or signalled: a typo must fail {@code run} and {@code attach}
 * with the agent's own words, not turn the runtime check off in silence.
 */
final class AgentOptions {
    private AgentOptions() {
    }

    /** Throws a usage error naming the bad option; returns quietly when the agent accepts them. */
    static void check(Path agentJar, String options, String option) {
        if (options == null || options.isBlank()) return;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {agentJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> c = Class.forName("dev.lockcheck.agent.Options", false, loader);
            c.getMethod("parse", String.class).invoke(null, options);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw new Main.UsageException(option + ": " + cause.getMessage());
            }
            throw new Main.UsageException(option + ": the agent cannot read '" + options + "': " + cause);
        } catch (ReflectiveOperationException | java.io.IOException | LinkageError e) {
            throw new Main.UsageException("the agent jar " + agentJar + " is not a lockcheck agent (" + e + ")");
        }
    }
}
