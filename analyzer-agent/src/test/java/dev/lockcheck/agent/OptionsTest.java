package dev.lockcheck.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockcheck.agent.boot.Hooks;
import dev.lockcheck.model.LockMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void noOptions_giveTheContractDefaults() {
        Options o = Options.parse(null);
        assertEquals("lockcheck-runtime.json", o.report());
        assertFalse(o.exitOnDeadlock());
        assertEquals(1000, o.intervalMs());
        assertEquals(List.of(), o.include());
        assertEquals(1000, o.storm());
    }

    @Test
    void everyOption_isRead_andPercentPIsThePid() {
        Options o = Options.parse("report=/tmp/r-%p.json,onDeadlock=exit,interval=250,include=com.acme;org.x,storm=50");
        assertEquals("/tmp/r-" + ProcessHandle.current().pid() + ".json", o.report());
        assertTrue(o.exitOnDeadlock());
        assertEquals(250, o.intervalMs());
        assertTrue(o.includes("com.acme.Cache"));
        assertFalse(o.includes("net.other.Cache"));
        assertFalse(o.includes(null), "with include=, a lock of unknown allocation site is not reported");
        assertEquals(50, o.storm());
    }

    @Test
    void badOptions_sayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("onDeadlock=halt")).getMessage().contains("report or exit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("interval=soon")).getMessage().contains("number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("interval=0")).getMessage().contains("positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("colour=red")).getMessage().contains("unknown option"));
    }

    @Test
    void emptyReportPath_isRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("report=")).getMessage().contains("needs a file path"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("report=/tmp/")).getMessage().contains("not a directory"));
    }

    @Test
    void unwritableReportPath_isNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertEquals(null, AgentMain.unwritable(dir.resolve("sub/r.json").toString()));
        assertEquals("it is a directory", AgentMain.unwritable(dir.toString()));
        java.nio.file.Path file = java.nio.file.Files.createFile(dir.resolve("plain"));
        assertTrue(AgentMain.unwritable(file.resolve("r.json").toString()) != null, "a file where the directory should be");
    }

    @Test
    void hookModeNumbers_areTheSharedLockModeOrdinals() {
        assertEquals(LockMode.READ.ordinal(), Hooks.READ);
        assertEquals(LockMode.WRITE.ordinal(), Hooks.WRITE);
        assertEquals(LockMode.EXCLUSIVE.ordinal(), Hooks.EXCLUSIVE);
        assertEquals(LockMode.STAMP_READ.ordinal(), Hooks.STAMP_READ);
        assertEquals(LockMode.STAMP_WRITE.ordinal(), Hooks.STAMP_WRITE);
        assertEquals(LockMode.MONITOR.ordinal(), Hooks.MONITOR);
    }
}
