package dev.lockcheck.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import dev.lockcheck.report.Finding;
import dev.lockcheck.report.Report;
import dev.lockcheck.report.ReportJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The agent loaded into a running JVM (Attach API): loaded classes are retransformed and tracked from then on. */
class AttachIT {
    private static final Path AGENT = Path.of(System.getProperty("lockcheck.agent.jar", "target/lockcheck-agent.jar"));
    private static final Path WORK = Path.of(System.getProperty("lockcheck.work", "target/runtime-it"));

    @Test
    void agentAttachedToARunningJvm_predictsTheSeedPatternItKeepsRunning() throws Exception {
        Files.createDirectories(WORK);
        Path report = WORK.resolve("attach.json").toAbsolutePath();
        Files.deleteIfExists(report);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target/test-classes").toAbsolutePath().toString(), "dev.lockcheck.fixture.AttachTarget", "4000")
                .redirectError(WORK.resolve("attach.err").toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine());
            VirtualMachine vm = VirtualMachine.attach(Long.toString(p.pid()));
            try {
                vm.loadAgent(AGENT.toAbsolutePath().toString(), "report=" + report);
            } finally {
                vm.detach();
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the target ends by itself");
        }
        assertEquals(0, p.exitValue(), () -> read(WORK.resolve("attach.err")));
        Report r = ReportJson.read(report);
        assertEquals(java.util.List.of("LC202"), r.findings().stream().map(Finding::ruleId).distinct().toList(),
                () -> read(WORK.resolve("attach.err")));
        String lock = r.findings().get(0).lock();
        assertTrue(lock.startsWith("ReentrantReadWriteLock@"),
                "the lock was allocated before the attach: named by its type, not by a guessed field; was " + lock);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
