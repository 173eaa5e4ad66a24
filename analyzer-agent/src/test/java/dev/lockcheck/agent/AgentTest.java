package dev.lockcheck.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AgentTest {
    /** The agent defines the hook classes by this list; a hook class missing from it would be missing at run time. */
    @Test
    void bootClassListIsTheBootPackage() throws Exception {
        File dir = new File(new File(dev.lockcheck.agent.boot.Hooks.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                "dev/lockcheck/agent/boot");
        TreeSet<String> built = new TreeSet<>();
        for (String n : dir.list()) if (n.endsWith(".class")) built.add(n.substring(0, n.length() - 6));
        assertEquals(built, new TreeSet<>(Arrays.asList(Agent.BOOT_CLASSES)));
    }
}
