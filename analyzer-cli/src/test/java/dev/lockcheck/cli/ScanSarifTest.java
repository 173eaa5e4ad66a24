package dev.lockcheck.cli;

import dev.lockcheck.report.SarifValidator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockcheck.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF from real scans through the command line, checked by the official validator. */
class ScanSarifTest {
    @TempDir
    Path dir;

    @Test
    void scanOfAProjectWithHandoffAndUpgrade_sarifPassesTheOfficialValidator() throws Exception {
        Path project = Fixtures.writeProject(dir.resolve("project"));
        Path sarif = dir.resolve("out/lockcheck.sarif");
        int exit = Main.run("scan", project.toString(), "--format", "sarif", "--output", sarif.toString(), "--fail-on", "never");
        assertEquals(Main.EXIT_OK, exit);
        JsonNode run = ReportJson.mapper().readTree(sarif.toFile()).at("/runs/0");
        assertTrue(run.at("/originalUriBaseIds/%SRCROOT%/uri").isMissingNode(), "%SRCROOT% is named, not located");
        assertFalse(Files.readString(sarif).contains(dir.toString()), "no absolute path of this machine in the log");
        JsonNode notes = run.at("/invocations/0/toolExecutionNotifications");
        assertEquals("src/main/java/acme/Broken.java",
                notes.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        for (JsonNode r : run.path("results")) {
            String uri = r.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
            assertTrue(uri.startsWith("src/main/java/acme/"), r.toString());
            int line = r.at("/locations/0/physicalLocation/region/startLine").asInt();
            String source = Files.readAllLines(project.resolve(uri)).get(line - 1);
            assertTrue(source.endsWith(r.at("/locations/0/physicalLocation/region/snippet/text").asText()), "snippet from line " + line);
        }
        assertEquals(List.of(), SarifValidator.problems(sarif));
    }

    @Test
    void scanOfTheSamples_sarifPassesTheOfficialValidator() throws Exception {
        Path samples = Path.of(System.getProperty("lockcheck.samples", "../samples"));
        boolean hasJava;
        try (Stream<Path> s = Files.exists(samples) ? Files.walk(samples) : Stream.empty()) {
            hasJava = s.anyMatch(p -> p.toString().endsWith(".java"));
        }
        Assumptions.assumeTrue(hasJava, "no Java sources under " + samples + " yet");
        Path sarif = dir.resolve("samples.sarif");
        int exit = Main.run("scan", samples.toString(), "--format", "sarif", "--output", sarif.toString(), "--fail-on", "never");
        assertEquals(Main.EXIT_OK, exit);
        String uri = ReportJson.mapper().readTree(sarif.toFile()).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText();
        assertTrue(uri.startsWith("samples/src/"), "inside the repository: paths are relative to its root: " + uri);
        String text = Files.readString(sarif);
        assertFalse(text.contains("file://") || text.contains(samples.toAbsolutePath().normalize().toString()),
                "no absolute path of this machine in the log");
        assertEquals(List.of(), SarifValidator.problems(sarif));
    }

    @Test
    void sourceRoot_isTheEnclosingGitRepository() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path a = Files.createDirectories(repo.resolve("mod-a/src"));
        Path b = Files.createDirectories(repo.resolve("mod-b/src"));
        SourceRoot root = SourceRoot.of(List.of(a.toString(), b.toString()));
        assertEquals(repo.toAbsolutePath().normalize(), root.dir());
        assertEquals("mod-a/src/X.java", root.relativizer(p -> a.resolve(p).toString()).apply("X.java"));
    }
}
