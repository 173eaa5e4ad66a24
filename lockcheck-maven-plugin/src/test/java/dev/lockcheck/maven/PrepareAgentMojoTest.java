package dev.lockcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

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
}
