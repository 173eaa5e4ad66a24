import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark helper: how much could a text prefilter skip? {@code java bench/Census.java TREE...}
 * prints, per tree, the share of .java files (and lines) that mention each group of APIs the
 * static rules look at, and two closures that decide which other files summaries need:
 *
 * <ul>
 *   <li>roots: files that acquire a lock, map a cache or use a distributed lock client: where
 *       findings are reported, so the bodies a scan must analyse first;
 *   <li>E: files with an effect a method summary records (lock acquisition, blocking handoff,
 *       cache mapping function, task start) - the direct matches;
 *   <li>R: E plus every file that mentions (by simple name) a type declared in R, plus the
 *       supertypes of types in R, to a fixpoint: the files whose methods may reach an effect
 *       through calls. A file outside R has empty summaries: parsing it cannot change a finding;
 *   <li>R&cap;F: of R, the files reachable (by type mentions) from a file that acquires a lock or
 *       maps a cache (where findings are reported): what a scan must parse.
 * </ul>
 * Text only, no parser: word-boundary regexes over the raw source, comments included, so the
 * sets over-approximate (a mention in a comment keeps a file). Not sound for calls whose receiver
 * type never appears in the caller's text (var locals, chained method results): the checker does
 * not resolve those either.
 */
public class Census {
    /** Group name -> pattern. Kept in one table so the prefilter's vocabulary is easy to read. */
    static final Map<String, Pattern> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("synchronized", Pattern.compile("\\bsynchronized\\b"));
        GROUPS.put("Lock APIs", Pattern.compile(
                "\\b(ReentrantLock|ReadWriteLock|ReentrantReadWriteLock|StampedLock|Lock)\\b"
                        + "|\\.(lock|lockInterruptibly|tryLock|readLock|writeLock|asReadLock|asWriteLock|unlock)\\s*\\("));
        GROUPS.put("handoffs", Pattern.compile(
                "\\b(\\w*BlockingQueue|\\w*BlockingDeque|\\w*TransferQueue|SynchronousQueue|Exchanger|Future|\\w*Future"
                        + "|ForkJoinTask|CountDownLatch|CyclicBarrier|Phaser|Semaphore|Condition)\\b"
                        + "|\\.(take|await|awaitUninterruptibly|awaitTermination|invokeAll|invokeAny|join|wait|transfer)\\s*\\("));
        GROUPS.put("cache maps", Pattern.compile(
                "\\.(computeIfAbsent|computeIfPresent|compute|merge)\\s*\\(|\\b(CacheLoader|LoadingCache|AsyncLoadingCache)\\b"));
        GROUPS.put("task starts", Pattern.compile(
                "\\.(submit|execute|supplyAsync|runAsync|start)\\s*\\(|\\bnew\\s+Thread\\b"));
        GROUPS.put("distributed locks", Pattern.compile(
                "\\b(setnx|setNX|Jedis|Redisson|RLock|RedissonRedLock|InterProcessMutex|InterProcessReadWriteLock|Lettuce\\w*)\\b"));
    }

    /** Where a finding is reported: the method holds a lock, maps a cache, or (LC101/LC102) polls a lock client. */
    static final Set<String> ROOT_GROUPS = Set.of("synchronized", "Lock APIs", "cache maps", "distributed locks");

    static final Pattern DECL = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)([^{;]*)\\{");
    static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z]\\w*\\b");

    record Src(Path path, String text, int lines, Set<String> declared, Set<String> supers, Set<String> mentions) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java bench/Census.java TREE...");
            System.exit(2);
        }
        System.out.println("## prefilter census: which files mention lock / handoff / cache APIs");
        System.out.println();
        System.out.println("| tree | files | lines | " + String.join(" | ", GROUPS.keySet())
                + " | roots | roots lines | any (E) | E lines | may reach an effect (R) | R lines | R reachable from a root (R&F) | R&F lines | census ms (regexes, 1 thread; not a prefilter cost) |");
        System.out.println("| --- | ---: | ---: |" + " ---: |".repeat(GROUPS.size()) + " ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String tree : args) census(Path.of(tree));
        System.out.println();
        System.out.println("Shares are of files (lines for the *lines* columns). Patterns: bench/Census.java GROUPS. Roots: files"
                + " that acquire a lock, map a cache or use a lock client (" + String.join(", ", ROOT_GROUPS) + "), where findings are reported.");
    }

    static void census(Path tree) throws IOException {
        long t0 = System.nanoTime();
        List<Path> paths;
        try (Stream<Path> s = Files.walk(tree)) {
            paths = s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
        List<Src> files = new ArrayList<>();
        Map<String, BitSet> groupHits = new LinkedHashMap<>();
        for (String g : GROUPS.keySet()) groupHits.put(g, new BitSet());
        BitSet effect = new BitSet();
        BitSet root = new BitSet();
        long totalLines = 0;
        for (Path p : paths) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            int lines = countLines(text);
            totalLines += lines;
            Set<String> declared = new HashSet<>();
            Set<String> supers = new HashSet<>();
            Matcher d = DECL.matcher(text);
            while (d.find()) {
                declared.add(d.group(1));
                Matcher h = TYPE_NAME.matcher(d.group(2));
                while (h.find()) supers.add(h.group());
            }
            Set<String> mentions = new HashSet<>();
            Matcher m = TYPE_NAME.matcher(text);
            while (m.find()) mentions.add(m.group());
            int i = files.size();
            files.add(new Src(p, text, lines, declared, supers, mentions));
            for (Map.Entry<String, Pattern> g : GROUPS.entrySet()) {
                if (g.getValue().matcher(text).find()) {
                    groupHits.get(g.getKey()).set(i);
                    effect.set(i);
                    if (ROOT_GROUPS.contains(g.getKey())) root.set(i);
                }
            }
        }

        // declaring files of each simple type name (several files may declare the same simple name)
        Map<String, List<Integer>> declaredIn = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            for (String n : files.get(i).declared()) declaredIn.computeIfAbsent(n, k -> new ArrayList<>()).add(i);
        }
        // mentionedBy: type name -> files mentioning it (reverse edges for the backward closure)
        Map<String, List<Integer>> mentionedBy = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            for (String n : files.get(i).mentions()) {
                if (declaredIn.containsKey(n)) mentionedBy.computeIfAbsent(n, k -> new ArrayList<>()).add(i);
            }
        }

        // R: backward closure from the effect files over "mentions a type declared in", plus supertypes
        BitSet reach = (BitSet) effect.clone();
        ArrayDeque<Integer> work = new ArrayDeque<>();
        effect.stream().forEach(work::add);
        while (!work.isEmpty()) {
            Src f = files.get(work.poll());
            for (String n : f.declared()) {
                for (int caller : mentionedBy.getOrDefault(n, List.of())) {
                    if (!reach.get(caller)) {
                        reach.set(caller);
                        work.add(caller);
                    }
                }
            }
            for (String s : f.supers()) { // a call through the supertype may dispatch here
                for (int sup : declaredIn.getOrDefault(s, List.of())) {
                    if (!reach.get(sup)) {
                        reach.set(sup);
                        work.add(sup);
                    }
                }
            }
        }

        // R&F: within R, forward from the roots over "mentions a type declared in"
        BitSet needed = new BitSet();
        root.stream().filter(reach::get).forEach(i -> {
            needed.set(i);
            work.add(i);
        });
        while (!work.isEmpty()) {
            Src f = files.get(work.poll());
            for (String n : f.mentions()) {
                for (int callee : declaredIn.getOrDefault(n, List.of())) {
                    if (reach.get(callee) && !needed.get(callee)) {
                        needed.set(callee);
                        work.add(callee);
                    }
                }
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;

        int n = files.size();
        StringBuilder row = new StringBuilder("| " + tree.getFileName() + " | " + n + " | " + totalLines + " | ");
        for (BitSet b : groupHits.values()) row.append(pct(b.cardinality(), n)).append(" | ");
        row.append(pct(root.cardinality(), n)).append(" | ").append(pct(lines(files, root), totalLines)).append(" | ");
        row.append(pct(effect.cardinality(), n)).append(" | ").append(pct(lines(files, effect), totalLines)).append(" | ");
        row.append(pct(reach.cardinality(), n)).append(" | ").append(pct(lines(files, reach), totalLines)).append(" | ");
        row.append(pct(needed.cardinality(), n)).append(" | ").append(pct(lines(files, needed), totalLines)).append(" | ");
        row.append(ms).append(" |");
        System.out.println(row);
    }

    static long lines(List<Src> files, BitSet set) {
        return set.stream().mapToLong(i -> files.get(i).lines()).sum();
    }

    static String pct(long part, long whole) {
        return whole == 0 ? "-" : String.format("%d (%.0f%%)", part, 100.0 * part / whole);
    }

    static int countLines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return s.isEmpty() || s.charAt(s.length() - 1) == '\n' ? n : n + 1;
    }
}
