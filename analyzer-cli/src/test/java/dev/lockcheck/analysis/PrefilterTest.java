package dev.lockcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files the prefilter hands to the parser (what a scan of a large tree costs). */
class PrefilterTest {
    @TempDir
    Path dir;

    @Test
    void mappingFunctionCalleesAreParsed_otherLambdaCalleesOfTheSameFileAreNot() throws IOException {
        Files.writeString(dir.resolve("Registry.java"), """
                import java.util.concurrent.ConcurrentHashMap;
                class Registry {
                    static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();
                    static String register(String name) {
                        return NAMES.computeIfAbsent(name, n -> Aliases.register(n));
                    }
                    static void print(java.util.List<String> names) {
                        names.forEach(n -> Printer.print(n));
                    }
                }
                """);
        Files.writeString(dir.resolve("Aliases.java"), """
                class Aliases {
                    static String register(String name) {
                        Registry.NAMES.putIfAbsent(name.toLowerCase(), name);
                        return name;
                    }
                }
                """);
        Files.writeString(dir.resolve("Printer.java"), """
                class Printer {
                    static void print(String s) {
                        System.out.println(s);
                    }
                }
                """);
        ScanResult r = new Scanner(ScanOptions.of(dir.toString())).scan();
        assertEquals(3, r.report().stats().files());
        assertEquals(2, r.report().stats().parsed(), "Registry and the callee of its mapping function, not Printer");
        assertEquals(List.of("LC103"), r.report().findings().stream().map(f -> f.ruleId()).toList(),
                "the re-entry through the other file is still found");
    }

    @Test
    void aFileNamingOnlyASubtypeOrFactoryOfAClientType_isAStartingPoint() throws IOException {
        // no "Lock", no "JedisCommands": only Jedis (a subtype of the table's type) and JedisPool
        Files.writeString(dir.resolve("Refresher.java"), """
                import redis.clients.jedis.Jedis;
                import redis.clients.jedis.JedisPool;
                class Refresher {
                    private final JedisPool pool = new JedisPool("localhost", 6379);
                    void refresh() {
                        try (Jedis jedis = pool.getResource()) {
                            if (jedis.setnx("refresh", "me") == 1) {
                                System.out.println("refreshing");
                            }
                        }
                    }
                }
                """);
        ScanResult r = new Scanner(ScanOptions.of(dir.toString())).scan();
        assertEquals(1, r.report().stats().parsed());
        assertEquals(List.of("LC102"), r.report().findings().stream().map(f -> f.ruleId()).toList());
    }
}
