package dev.lockcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareAgentMojoTest {
    @Test
    void javaagentArgument_namesTheReportDirectory_andAppendsOptions() throws Exception {
        String arg = PrepareAgentMojo.javaagent(new File("/repo/lockcheck-agent.jar"), new File("/p/target/lockcheck"), "onDeadlock=exit");
        assertEquals("-javaagent:/repo/lockcheck-agent.jar=report=/p/target/lockcheck/runtime-%p.json,onDeadlock=exit", arg);
    }

    @Test
    void pathWithASpace_isQuotedForSurefire() throws Exception {
        String arg = PrepareAgentMojo.javaagent(new File("/my repo/lockcheck-agent.jar"), new File("/p/target/lockcheck"), null);
        assertTrue(arg.startsWith("\"-javaagent:/my repo/") && arg.endsWith("\""), arg);
    }

    @Test
    void pathWithAComma_isRefused_becauseTheAgentSplitsOptionsOnCommas() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> PrepareAgentMojo.javaagent(new File("/a,b/lockcheck-agent.jar"), new File("/p/target/lockcheck"), null));
        assertTrue(e.getMessage().contains("must not contain ','"), e.getMessage());
    }

    @Test
    void skipped_setsAnUndefinedArgLineToEmpty_soASurefireArgLineWritingItStillStarts() throws Exception {
        PrepareAgentMojo mojo = new PrepareAgentMojo();
        mojo.project = new MavenProject();
        mojo.propertyName = "argLine";
        mojo.skip = true;
        mojo.execute();
        assertEquals("", mojo.project.getProperties().getProperty("argLine"));
    }

    @Test
    void skipped_leavesADefinedArgLineAsItIs() throws Exception {
        PrepareAgentMojo mojo = new PrepareAgentMojo();
        mojo.project = new MavenProject();
        mojo.project.getProperties().setProperty("argLine", "-Xmx1g");
        mojo.propertyName = "argLine";
        mojo.skip = true;
        mojo.execute();
        assertEquals("-Xmx1g", mojo.project.getProperties().getProperty("argLine"));
    }

    @Test
    void runtimeReportsOfAnEarlierBuild_areDeleted_otherFilesKept(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runtime-101.json"), "{}");
        Files.writeString(dir.resolve("runtime-202.json"), "{}");
        Files.writeString(dir.resolve("lockcheck.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertEquals(2, PrepareAgentMojo.deleteStaleReports(dir));
        try (var s = Files.list(dir)) {
            assertEquals(java.util.List.of("lockcheck.json", "notes.txt"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(0, PrepareAgentMojo.deleteStaleReports(dir.resolve("absent")));
    }
}
