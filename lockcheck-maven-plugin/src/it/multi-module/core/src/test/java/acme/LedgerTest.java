package acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LedgerTest {
    @Test
    void transferThenReport_onTwoThreads() throws Exception {
        Ledger l = new Ledger();
        Thread a = new Thread(l::transfer, "transfer");
        a.start();
        a.join();
        Thread b = new Thread(l::report, "report");
        b.start();
        b.join();
        assertEquals(2, l.entries());
    }
}
