package lockcheck.samples.distributed.cache;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * LC103 on the JDK: a {@code ConcurrentHashMap.computeIfAbsent} mapping function that updates the
 * same map. Each case runs on its own thread with a time limit, since on older JDKs (8) the same
 * code hangs instead of throwing; what happened is printed.
 */
public final class RecursiveComputeDemo {
    private static final long LIMIT_MS = 5_000;

    /** Outcome of one case: what it returned, what it threw, or that it did not finish in time. */
    public record Outcome(String scenario, String result, Throwable thrown, boolean timedOut) {
        @Override
        public String toString() {
            String what = timedOut ? "HUNG (no result after " + LIMIT_MS + " ms)"
                    : thrown != null ? "threw " + thrown : "returned " + result;
            return String.format("%-44s %s", scenario, what);
        }
    }

    private final Map<Integer, BigInteger> memo = new ConcurrentHashMap<>();

    /** The classic memoized Fibonacci: the mapping function computes, and stores, the smaller values. */
    BigInteger fib(int n) {
        if (n < 2) {
            return BigInteger.valueOf(n);
        }
        return memo.computeIfAbsent(n, k -> fib(k - 1) // expect: LC103
                .add(fib(k - 2))); // expect: LC103
    }

    /** Keys 0 and 16 fall in the same bin of a new (16-bin) table. */
    static Integer sameBin() {
        Map<Integer, Integer> map = new ConcurrentHashMap<>();
        return map.computeIfAbsent(0, k -> map.computeIfAbsent(16, j -> 1) + 1); // expect: LC103
    }

    /** The fixed memo: compute outside the map, then publish with putIfAbsent. */
    static BigInteger fibFixed(int n, Map<Integer, BigInteger> memo) {
        if (n < 2) {
            return BigInteger.valueOf(n);
        }
        BigInteger known = memo.get(n);
        if (known != null) {
            return known;
        }
        BigInteger value = fibFixed(n - 1, memo).add(fibFixed(n - 2, memo));
        BigInteger raced = memo.putIfAbsent(n, value);
        return raced != null ? raced : value;
    }

    static Outcome run(String scenario, Supplier<Object> body) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(body.get());
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "recursive-compute");
        t.setDaemon(true); // a hung case must not keep the JVM alive
        t.start();
        t.join(LIMIT_MS);
        boolean hung = t.isAlive();
        return new Outcome(scenario, String.valueOf(result.get()), thrown.get(), hung);
    }

    public static List<Outcome> runAll() throws InterruptedException {
        return List.of(
                run("computeIfAbsent(0) -> computeIfAbsent(16)", RecursiveComputeDemo::sameBin),
                run("memoized fib(30) with computeIfAbsent", () -> new RecursiveComputeDemo().fib(30)),
                run("fixed memo (get, compute, putIfAbsent)", () -> fibFixed(30, new ConcurrentHashMap<>())));
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("java " + System.getProperty("java.version"));
        runAll().forEach(System.out::println);
    }
}
