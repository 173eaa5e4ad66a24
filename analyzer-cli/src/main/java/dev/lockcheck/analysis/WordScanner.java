package dev.lockcheck.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds many words in a text in one pass (an Aho-Corasick automaton over ASCII): what the
 * prefilter reads from every file of a tree, where one {@code String.contains} per word would
 * read each text thirty times. Each word belongs to groups (a bit mask); a scan returns the
 * groups seen, and reports where the words of chosen groups end.
 */
final class WordScanner {
    /** Where a word of a reported group ends in the text ({@code end} is exclusive). */
    interface Hit {
        void at(String word, int groups, int end);
    }

    private final String[] words;
    private final int[] wordGroups;
    /** delta[state * 128 + c]: the next state on ASCII character c. */
    private final int[] delta;
    /** The groups of every word ending in each state (through its suffix links). */
    private final int[] stateGroups;
    /** The words ending in each state (through its suffix links). */
    private final int[][] stateWords;

    /** @param groups each word with its groups; words must be ASCII */
    WordScanner(Map<String, Integer> groups) {
        Map<String, Integer> ws = new LinkedHashMap<>(groups);
        words = ws.keySet().toArray(new String[0]);
        wordGroups = new int[words.length];
        for (int i = 0; i < words.length; i++) wordGroups[i] = ws.get(words[i]);
        // trie
        List<int[]> next = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        next.add(newRow());
        ends.add(new ArrayList<>());
        for (int w = 0; w < words.length; w++) {
            int s = 0;
            for (char c : words[w].toCharArray()) {
                if (c >= 128) throw new IllegalArgumentException("not ASCII: " + words[w]);
                if (next.get(s)[c] < 0) {
                    next.get(s)[c] = next.size();
                    next.add(newRow());
                    ends.add(new ArrayList<>());
                }
                s = next.get(s)[c];
            }
            ends.get(s).add(w);
        }
        int n = next.size();
        delta = new int[n * 128];
        stateGroups = new int[n];
        stateWords = new int[n][];
        int[] fail = new int[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < 128; c++) {
            int t = next.get(0)[c];
            delta[c] = Math.max(t, 0);
            if (t > 0) queue.add(t);
        }
        stateWords[0] = new int[0];
        // breadth first: a state's suffix link is complete before its children need it
        List<Integer> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            int s = queue.poll();
            order.add(s);
            for (int c = 0; c < 128; c++) {
                int t = next.get(s)[c];
                if (t > 0) {
                    fail[t] = delta[fail[s] * 128 + c];
                    delta[s * 128 + c] = t;
                    queue.add(t);
                } else {
                    delta[s * 128 + c] = delta[fail[s] * 128 + c];
                }
            }
        }
        for (int s : order) {
            List<Integer> out = new ArrayList<>(ends.get(s));
            for (int w : stateWords[fail[s]]) out.add(w);
            stateWords[s] = out.stream().mapToInt(Integer::intValue).toArray();
            int g = 0;
            for (int w : stateWords[s]) g |= wordGroups[w];
            stateGroups[s] = g;
        }
    }

    private static int[] newRow() {
        int[] r = new int[128];
        java.util.Arrays.fill(r, -1);
        return r;
    }

    /**
     * The groups of every word found in {@code text}; {@code hit} hears each occurrence of a word
     * in one of the {@code reported} groups.
     */
    int scan(String text, int reported, Hit hit) {
        int seen = 0;
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            s = c < 128 ? delta[s * 128 + c] : 0;
            int g = stateGroups[s];
            if (g != 0) {
                seen |= g;
                if ((g & reported) != 0) {
                    for (int w : stateWords[s]) if ((wordGroups[w] & reported) != 0) hit.at(words[w], wordGroups[w], i + 1);
                }
            }
        }
        return seen;
    }
}
