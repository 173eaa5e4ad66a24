package lockcheck.samples.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lockcheck.samples.distributed.cache.PeerCaches;
import lockcheck.samples.distributed.cache.RecursiveComputeDemo;
import org.junit.jupiter.api.Test;

class RecursiveComputeDemoTest {
    private static boolean recursiveUpdateOrHang(RecursiveComputeDemo.Outcome o) {
        return o.timedOut() || (o.thrown() instanceof IllegalStateException
                && String.valueOf(o.thrown().getMessage()).contains("Recursive update"));
    }

    @Test
    void computeIfAbsentReenteringItsOwnMap_throwsRecursiveUpdateOrHangs_fixedMemoReturns() throws Exception {
        List<RecursiveComputeDemo.Outcome> outcomes = RecursiveComputeDemo.runAll();
        outcomes.forEach(o -> System.out.println("[LC103 java " + System.getProperty("java.version") + "] " + o));
        assertTrue(recursiveUpdateOrHang(outcomes.get(0)), outcomes.get(0).toString());
        assertTrue(recursiveUpdateOrHang(outcomes.get(1)), outcomes.get(1).toString());
        RecursiveComputeDemo.Outcome fixed = outcomes.get(2);
        assertEquals("832040", fixed.result(), fixed.toString());
    }

    @Test
    void twoPeerCachesWhoseLoadersAskEachOther_deadlockWhenBothMissAtOnce() throws Exception {
        String outcome = PeerCaches.run(3_000);
        System.out.println("[LC103 guava] " + outcome);
        assertTrue(outcome.startsWith("HUNG"), outcome);
    }
}
