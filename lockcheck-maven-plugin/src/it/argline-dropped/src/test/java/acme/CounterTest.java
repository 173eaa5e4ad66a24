package acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CounterTest {
    @Test
    void twoThreadsAdd() throws Exception {
        // the project's own argLine reached the test JVM next to the agent
        assertEquals("on", System.getProperty("acme.flag"));
        Counter c = new Counter();
        Thread t = new Thread(() -> { for (int i = 0; i < 1000; i++) c.add(1); });
        t.start();
        for (int i = 0; i < 1000; i++) c.add(1);
        t.join();
        assertEquals(2000, c.get());
    }
}
