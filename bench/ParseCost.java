import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark helper: what does parsing cost, and what do JavaParser's options change?
 * {@code java -cp analyzer-cli/target/lockcheck.jar bench/ParseCost.java TREE...}
 * parses every .java file of each tree on one thread with four configurations (language level
 * JAVA_17 as the scanner uses it, or RAW = no validators / post-processors; tokens stored or not)
 * and prints the thread's CPU time (not wall time, so other load on the machine matters less),
 * the files that failed to parse, and the heap the ASTs retain. Also times a text-only pass
 * (read + a keyword search) for comparison with what a prefilter costs.
 */
public class ParseCost {
    record Config(String name, LanguageLevel level, boolean tokens) {
    }

    static final List<Config> CONFIGS = List.of(
            new Config("JAVA_17, tokens (scanner today)", LanguageLevel.JAVA_17, true),
            new Config("JAVA_17, no tokens", LanguageLevel.JAVA_17, false),
            new Config("RAW (no validators), tokens", LanguageLevel.RAW, true),
            new Config("RAW (no validators), no tokens", LanguageLevel.RAW, false));

    static final String[] KEYWORDS = {"synchronized", "Lock", "BlockingQueue", "BlockingDeque", "TransferQueue",
        "Future", "CountDownLatch", "CyclicBarrier", "Phaser", "Semaphore", "Condition", "Exchanger",
        "computeIfAbsent", "computeIfPresent", ".compute(", ".merge(", "CacheLoader", ".join(", ".await(", ".wait(",
        ".take(", "invokeAll", "invokeAny", "awaitTermination", "Thread", "Executor", ".submit(", ".execute(",
        "setnx", "Jedis", "Redisson", "InterProcessMutex"};

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("| tree | configuration | CPU s (1 thread) | failed files | retained heap MiB |");
        System.out.println("| --- | --- | ---: | ---: | ---: |");
        for (String t : args) {
            List<String> texts = new ArrayList<>();
            try (Stream<Path> s = Files.walk(Path.of(t))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                }
            }
            parseAll(texts, CONFIGS.get(0), false); // JIT warm-up, not reported
            for (Config c : CONFIGS) {
                System.gc();
                long before = used();
                long cpu0 = mx.getCurrentThreadCpuTime();
                List<CompilationUnit> kept = new ArrayList<>();
                int failed = parseAll(texts, c, true, kept);
                long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                System.gc();
                long retained = used() - before;
                System.out.printf("| %s | %s | %.2f | %d | %d |%n", Path.of(t).getFileName(), c.name(), cpu / 1e9, failed,
                        retained / (1024 * 1024));
                kept.clear();
            }
            long cpu0 = mx.getCurrentThreadCpuTime();
            int hits = 0;
            for (int rep = 0; rep < 3; rep++) {
                hits = 0;
                for (String text : texts) {
                    for (String k : KEYWORDS) {
                        if (text.contains(k)) {
                            hits++;
                            break;
                        }
                    }
                }
            }
            long cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 3;
            System.out.printf("| %s | text prefilter only (String.contains of %d keywords; %d of %d files hit) | %.2f | - | - |%n",
                    Path.of(t).getFileName(), KEYWORDS.length, hits, texts.size(), cpu / 1e9);
        }
    }

    static int parseAll(List<String> texts, Config c, boolean keep) {
        return parseAll(texts, c, keep, new ArrayList<>());
    }

    static int parseAll(List<String> texts, Config c, boolean keep, List<CompilationUnit> kept) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(c.level()).setAttributeComments(false).setStoreTokens(c.tokens()));
        int failed = 0;
        for (String text : texts) {
            ParseResult<CompilationUnit> r = parser.parse(text);
            if (!r.isSuccessful() || r.getResult().isEmpty()) failed++;
            else if (keep) kept.add(r.getResult().get());
        }
        return failed;
    }

    static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
