package dev.lockcheck.analysis;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LC007's transfer shape: only a comparison that decides which of the two locks goes first makes
 * the order visible; any other comparison in the method (a balance check inside the inner block,
 * a limit check around the nesting) does not.
 */
class DynamicOrderChoiceTest {
    @TempDir
    Path dir;

    @Test
    void comparisonInsideTheInnerBlock_doesNotChooseTheOrder() {
        new Fixture(dir)
                .file("Wallet.java",
                "class Wallet {",
                "    int coins;",
                "    static void pay(Wallet payer, Wallet payee, int n) {",
                "        synchronized (payer) {",
                "            synchronized (payee) { // expect: LC007",
                "                if (payer.coins >= n) { payer.coins -= n; payee.coins += n; }",
                "            }",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void comparisonOfUnrelatedValuesAroundTheNesting_doesNotChooseTheOrder() {
        new Fixture(dir)
                .file("Slot.java",
                "import java.util.concurrent.locks.ReentrantLock;",
                "class Slot {",
                "    final ReentrantLock guard = new ReentrantLock();",
                "    int n;",
                "    static void swap(Slot x, Slot y, int limit, int size) {",
                "        if (size < limit) {",
                "            x.guard.lock();",
                "            try {",
                "                y.guard.lock(); // expect: LC007",
                "                try { int t = x.n; x.n = y.n; y.n = t; } finally { y.guard.unlock(); }",
                "            } finally { x.guard.unlock(); }",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void branchComparingThePartiesHashes_choosesTheOrder() {
        new Fixture(dir)
                .file("Cell.java",
                "class Cell {",
                "    int v;",
                "    static void link(Cell p, Cell q) {",
                "        int hp = p.hashCode(), hq = q.hashCode();",
                "        if (hp <= hq) {",
                "            synchronized (p) { synchronized (q) { p.v = q.v; } }",
                "        } else {",
                "            synchronized (q) { synchronized (p) { p.v = q.v; } }",
                "        }",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    void variablesAssignedInBranchesOfACompareTo_chooseTheOrder() {
        new Fixture(dir)
                .file("Node.java",
                "class Node {",
                "    final String name;",
                "    Node(String name) { this.name = name; }",
                "    static void join(Node l, Node r) {",
                "        Node lo, hi;",
                "        if (l.name.compareTo(r.name) < 0) { lo = l; hi = r; } else { lo = r; hi = l; }",
                "        synchronized (lo) {",
                "            synchronized (hi) { System.out.println(lo.name + hi.name); }",
                "        }",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    void guardComparingThePartiesThatReturns_choosesTheOrderAfterIt() {
        new Fixture(dir)
                .file("Box.java",
                "class Box {",
                "    final long key;",
                "    int items;",
                "    Box(long key) { this.key = key; }",
                "    static int pour(Box src, Box dst) {",
                "        if (System.identityHashCode(src) < System.identityHashCode(dst)) {",
                "            synchronized (src) { synchronized (dst) { return dst.items += src.items; } }",
                "        }",
                "        synchronized (dst) { synchronized (src) { return dst.items += src.items; } }",
                "    }",
                "}")
                .assertClean();
    }

    @Test
    void guardOnUnrelatedValues_doesNotChooseTheOrder() {
        new Fixture(dir)
                .file("Jar.java",
                "class Jar {",
                "    int items;",
                "    static int pour(Jar src, Jar dst, int max) {",
                "        if (src.items > max) {",
                "            return 0;",
                "        }",
                "        synchronized (src) {",
                "            synchronized (dst) { // expect: LC007",
                "                return dst.items += src.items;",
                "            }",
                "        }",
                "    }",
                "}")
                .assertExactlyMarked();
    }

    @Test
    void anObjectTheMethodCreates_isNoCallersChoice() {
        new Fixture(dir)
                .file("Tree.java",
                "class Tree {",
                "    int size;",
                "    synchronized void copyTo(int[] out) { out[0] = size; }",
                "    static Tree grow(Tree parent, int[] out) {",
                "        synchronized (parent) {",
                "            Tree child = new Tree();",
                "            parent.size++;",
                "            child.copyTo(out);",
                "            return child;",
                "        }",
                "    }",
                "}")
                .assertClean();
    }
}
