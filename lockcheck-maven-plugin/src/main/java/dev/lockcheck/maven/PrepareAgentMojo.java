package dev.lockcheck.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Adds the lockcheck java agent to a property (by default {@code argLine}, which Surefire and Failsafe
 * read), keeping what the property already holds, so every test JVM runs with it and writes its
 * runtime report to {@code target/lockcheck/runtime-<pid>.json}, where the {@code check} goal finds it.
 *
 * <p>If the Surefire configuration sets {@code <argLine>} itself, write {@code @{argLine}} in it so
 * the agent is kept (as with JaCoCo).
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class PrepareAgentMojo extends AbstractMojo {
    static final String AGENT_KEY = "dev.lockcheck:lockcheck-agent";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    Map<String, Artifact> pluginArtifacts;

    /** The property the agent is appended to. */
    @Parameter(property = "lockcheck.propertyName", defaultValue = "argLine")
    String propertyName;

    /** Where the test JVMs write their reports. */
    @Parameter(property = "lockcheck.reportsDirectory", defaultValue = "${project.build.directory}/lockcheck")
    File reportsDirectory;

    /**
     * More agent options, e.g. {@code onDeadlock=exit,interval=500,include=com.acme} (see the agent's
     * options); {@code report=} is set by the plugin.
     */
    @Parameter(property = "lockcheck.agentOptions")
    String agentOptions;

    /** Skip lockcheck: the property is left as it is. */
    @Parameter(property = "lockcheck.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        Properties props = project.getProperties();
        if (skip) {
            // a Surefire <argLine> that writes ${argLine} or @{argLine} needs the property to exist, or the test
            // JVM is started with the literal text and does not start (JaCoCo's prepare-agent does the same)
            if (props.getProperty(propertyName) == null) {
                props.setProperty(propertyName, "");
                getLog().info("lockcheck: skipped (" + propertyName + " set to empty)");
            } else {
                getLog().info("lockcheck: skipped");
            }
            return;
        }
        Artifact agent = pluginArtifacts.get(AGENT_KEY);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("lockcheck: the agent jar (" + AGENT_KEY + ") is not among the plugin's artifacts");
        }
        if (agentOptions != null && agentOptions.contains("report=")) {
            throw new MojoExecutionException("lockcheck: agentOptions must not set report= (reports go to reportsDirectory)");
        }
        int stale = deleteStaleReports(reportsDirectory.toPath());
        if (stale > 0) {
            getLog().info("lockcheck: deleted " + stale + " runtime report(s) of an earlier build from " + reportsDirectory);
        }
        String value = javaagent(agent.getFile(), reportsDirectory, agentOptions);
        String old = props.getProperty(propertyName);
        String joined = old == null || old.isBlank() ? value : old + " " + value;
        props.setProperty(propertyName, joined);
        getLog().info("lockcheck: " + propertyName + " set to " + joined);
    }

    /** {@code -javaagent:JAR=report=DIR/runtime-%p.json[,OPTIONS]}, quoted when a path holds a space. */
    static String javaagent(File jar, File reportsDir, String options) throws MojoExecutionException {
        String report = new File(reportsDir, "runtime-%p.json").getAbsolutePath();
        String agentPath = jar.getAbsolutePath();
        if (agentPath.contains(",") || agentPath.contains("=") || report.contains(",")) {
            throw new MojoExecutionException("lockcheck: the agent jar and report paths must not contain ',' or '=': "
                    + agentPath + ", " + report);
        }
        String arg = "-javaagent:" + agentPath + "=report=" + report
                + (options == null || options.isBlank() ? "" : "," + options.trim());
        return arg.contains(" ") ? "\"" + arg + "\"" : arg;
    }

    /**
     * Deletes the {@code runtime-*.json} an earlier build's test JVMs left in {@code dir}: {@code check} merges
     * every runtime report there, so without this a build without {@code clean} would still report (and fail on)
     * a lock-order inversion fixed since.
     */
    static int deleteStaleReports(Path dir) throws MojoExecutionException {
        if (!Files.isDirectory(dir)) return 0;
        List<Path> old;
        try (Stream<Path> s = Files.list(dir)) {
            old = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("runtime-") && n.endsWith(".json") && Files.isRegularFile(p);
            }).toList();
        } catch (IOException e) {
            throw new MojoExecutionException("lockcheck: cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path p : old) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new MojoExecutionException("lockcheck: cannot delete the earlier runtime report " + p + ": " + e.getMessage(), e);
            }
        }
        return old.size();
    }
}
