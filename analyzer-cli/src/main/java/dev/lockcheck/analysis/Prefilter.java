package dev.lockcheck.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which files to parse, so a scan parses what can matter and nothing else.
 *
 * <p>Every finding starts in a file that takes a lock (a <em>seed</em>: its text mentions a lock
 * word, or another check's trigger word). Code in another file matters only if it runs while a
 * seed holds a lock: the scanner parses the seeds (and the supertypes they build on), analyses
 * them, and asks the engine which types of unparsed files have code that runs under a lock — a
 * call on a receiver of that type, a {@code new}, a method reference, directly or through calls
 * into parsed code. It parses those files (with their supertypes and, since a call on an interface
 * may run any implementation, the files implementing them) and repeats until nothing new is
 * needed. Of those, it parses only files whose code can lock or block by itself: files that take
 * a lock or name a handoff type ({@code BlockingQueue}, {@code Future}, {@code CountDownLatch},
 * ..., {@code wait(}, {@code join()}). So a handoff reached under a lock only through a file that
 * neither locks nor names a handoff type (an intermediate that merely forwards the call) is not
 * seen; {@code --no-prefilter} parses everything.
 */
final class Prefilter {
    static final int MAX_ROUNDS = 12;

    /**
     * What the prefilter reads from one file's text. {@code actor}: the file takes a lock or names a
     * blocking handoff type (or calls wait()/join()), so its code can block or lock by itself.
     */
    record Facts(boolean lockSeed, boolean actor, Set<String> declares, Set<String> supers, Set<String> rules) {
        /** A starting point of some rule: the file holds one of its trigger words. */
        boolean seed() {
            return !rules.isEmpty();
        }

        /** A starting point of a check that is not about held locks (caches, Redis): its callees are followed too. */
        boolean followsAllCalls() {
            return seed() && !lockSeed;
        }
    }

    private final List<Facts> files;
    private final Map<String, List<Integer>> declaredIn = new HashMap<>();
    private final Map<String, List<Integer>> implementedIn = new HashMap<>();
    /** Files whose code can lock or block by itself. */
    private final BitSet canAct;

    Prefilter(List<Facts> files) {
        this.files = files;
        for (int i = 0; i < files.size(); i++) {
            for (String t : files.get(i).declares()) declaredIn.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
            for (String t : files.get(i).supers()) implementedIn.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
        }
        canAct = new BitSet(files.size());
        for (int i = 0; i < files.size(); i++) if (files.get(i).actor()) canAct.set(i);
    }

    private static final int LOCK = 1, ACTOR = 4, DECL = 8, SUPER = 16, WAIT = 32, JOIN = 64;

    /**
     * Reads a file's facts in one pass over its text ({@link WordScanner}): a regular expression
     * with word boundaries, or one {@code indexOf} per word, over every file of a large tree costs
     * more than parsing the files that matter.
     */
    static final class Reader {
        private final WordScanner scanner;

        /** The rule of each bit above the fixed groups: a file's facts say whose trigger words it holds. */
        private final List<String> ruleBits = new ArrayList<>();

        /** @param triggers each rule's trigger words ({@link StaticCheck#textTriggers()}); at most 24 rules */
        Reader(Map<String, Set<String>> triggers, Set<String> actorWords) {
            Map<String, Integer> groups = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Set<String>> e : triggers.entrySet()) {
                if (ruleBits.size() >= 24) throw new IllegalArgumentException("too many rules for the word automaton");
                int bit = 1 << (7 + ruleBits.size());
                ruleBits.add(e.getKey());
                for (String w : e.getValue()) groups.merge(w, bit, (a, b) -> a | b);
            }
            for (String w : StaticCheck.LOCK_WORDS) groups.merge(w, LOCK, (a, b) -> a | b);
            for (String w : actorWords) groups.merge(w, ACTOR, (a, b) -> a | b);
            for (String w : DECL_KEYWORDS) groups.merge(w, DECL, (a, b) -> a | b);
            for (String w : SUPER_KEYWORDS) groups.merge(w, SUPER, (a, b) -> a | b);
            groups.merge("wait(", WAIT, (a, b) -> a | b);
            groups.merge("join(", JOIN, (a, b) -> a | b);
            scanner = new WordScanner(groups);
        }

        Facts facts(String text) {
            Set<String> declares = new HashSet<>();
            Set<String> supers = new HashSet<>();
            boolean[] waits = new boolean[1];
            int seen = scanner.scan(text, DECL | SUPER | WAIT | JOIN, (word, groups, end) -> {
                int start = end - word.length();
                if (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) return;
                if ((groups & DECL) != 0) {
                    String name = identifierAfter(text, end);
                    if (name != null && Character.isUpperCase(name.charAt(0))) declares.add(name);
                } else if ((groups & SUPER) != 0) {
                    supertypesAfter(text, end, supers);
                } else if ((groups & WAIT) != 0) {
                    waits[0] = true;
                } else if ((groups & JOIN) != 0) {
                    // join() or join(<millis>), not String.join(a, b)
                    int j = end;
                    while (j < text.length() && text.charAt(j) == ' ') j++;
                    if (j < text.length() && (text.charAt(j) == ')' || Character.isDigit(text.charAt(j)))) waits[0] = true;
                }
            });
            supers.removeAll(declares);
            Set<String> rules = new HashSet<>();
            for (int i = 0; i < ruleBits.size(); i++) if ((seen & (1 << (7 + i))) != 0) rules.add(ruleBits.get(i));
            boolean lockSeed = !rules.isEmpty() && (seen & LOCK) != 0;
            boolean actor = lockSeed || (seen & ACTOR) != 0 || waits[0];
            return new Facts(lockSeed, actor, declares, supers, Set.copyOf(rules));
        }
    }

    /** The capitalised names after {@code extends} or {@code implements}, up to the body, a call or a statement end. */
    private static void supertypesAfter(String text, int from, Set<String> out) {
        int end = Math.min(text.length(), from + 400);
        for (int j = from; j < end; j++) {
            char c = text.charAt(j);
            if (c == '{' || c == '(' || c == ';') break;
            if (Character.isUpperCase(c) && !Character.isJavaIdentifierPart(text.charAt(j - 1))) {
                String w = identifierAfter(text, j);
                if (w != null) {
                    out.add(w);
                    j += w.length() - 1;
                }
            }
        }
    }

    private static final String[] DECL_KEYWORDS = {"class ", "interface ", "enum ", "record "};
    private static final String[] SUPER_KEYWORDS = {"extends ", "implements "};

    private static String identifierAfter(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        int start = i;
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) i++;
        return i > start && Character.isJavaIdentifierStart(text.charAt(start)) ? text.substring(start, i) : null;
    }

    /**
     * Words that make a file an actor: the handoff types of the knowledge table, except the
     * {@code Thread} family, which nearly every file names ({@code Thread.sleep}); a thread join is
     * found by {@code join()} itself.
     */
    static Set<String> actorWords(Set<String> handoffTypes) {
        Set<String> out = new HashSet<>(handoffTypes);
        out.removeIf(t -> t.contains("Thread"));
        return out;
    }

    /** The seeds, with the files declaring their supertypes that can act. */
    BitSet seeds() {
        BitSet out = new BitSet(files.size());
        for (int i = 0; i < files.size(); i++) if (files.get(i).seed()) out.set(i);
        return withSupertypes(out);
    }

    /**
     * Adds the files declaring {@code underLock} types that can act, and every file declaring a
     * {@code called} type (callees of seeds of the non-lock checks, one call away), each with the
     * files implementing or extending those types, and their supertypes.
     */
    BitSet expand(BitSet selected, Set<String> underLock, Set<String> called) {
        BitSet out = (BitSet) selected.clone();
        for (String t : underLock) {
            for (int i : declaredIn.getOrDefault(t, List.of())) if (canAct.get(i)) out.set(i);
            for (int i : implementedIn.getOrDefault(t, List.of())) if (canAct.get(i)) out.set(i);
        }
        for (String t : called) {
            out.or(bits(declaredIn.getOrDefault(t, List.of())));
            out.or(bits(implementedIn.getOrDefault(t, List.of())));
        }
        return withSupertypes(out);
    }

    private BitSet bits(List<Integer> idx) {
        BitSet b = new BitSet(files.size());
        for (int i : idx) b.set(i);
        return b;
    }

    /** Type names that files outside {@code parsed} extend or implement: their methods may be overridden there. */
    Set<String> extendedOutside(BitSet parsed) {
        Set<String> out = new HashSet<>();
        for (int i = parsed.nextClearBit(0); i < files.size(); i = parsed.nextClearBit(i + 1)) out.addAll(files.get(i).supers());
        return out;
    }

    /** Whether some file of the tree declares a type of this simple name. */
    boolean declaresAnywhere(String type) {
        return declaredIn.containsKey(type);
    }

    /** Type names declared in files outside {@code parsed}. */
    Set<String> declaredOutside(BitSet parsed) {
        Set<String> out = new HashSet<>();
        for (int i = parsed.nextClearBit(0); i < files.size(); i = parsed.nextClearBit(i + 1)) out.addAll(files.get(i).declares());
        return out;
    }

    private BitSet withSupertypes(BitSet start) {
        BitSet out = (BitSet) start.clone();
        List<Integer> queue = new ArrayList<>();
        for (int i = out.nextSetBit(0); i >= 0; i = out.nextSetBit(i + 1)) queue.add(i);
        for (int q = 0; q < queue.size(); q++) {
            for (String s : files.get(queue.get(q)).supers()) {
                for (int j : declaredIn.getOrDefault(s, List.of())) {
                    // a supertype that neither locks nor names a handoff type declares no lock or
                    // handoff field, and its methods can only forward calls
                    if (!out.get(j) && canAct.get(j)) {
                        out.set(j);
                        queue.add(j);
                    }
                }
            }
        }
        return out;
    }
}
