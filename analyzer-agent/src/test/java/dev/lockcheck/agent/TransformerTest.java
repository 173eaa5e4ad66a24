package dev.lockcheck.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.util.concurrent.Callable;
import dev.lockcheck.fixture.Fixture;
import dev.lockcheck.fixture.Plain;
import org.junit.jupiter.api.Test;

class TransformerTest {
    private static byte[] bytes(Class<?> c) throws Exception {
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static byte[] transform(Class<?> c) throws Exception {
        return new Transformer().transform(null, c.getClassLoader(), c.getName().replace('.', '/'), null, null, bytes(c));
    }

    @Test
    void classWithoutLockOrHandoffCalls_isLeftUntouched() throws Exception {
        assertNull(transform(Plain.class));
    }

    @Test
    void rewrittenClass_verifiesLoadsAndBehavesTheSame() throws Exception {
        byte[] out = transform(Fixture.class);
        assertNotNull(out, "the fixture has lock calls to rewrite");
        String name = Fixture.class.getName();
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (n.equals(name)) {
                    synchronized (getClassLoadingLock(n)) {
                        Class<?> c = findLoadedClass(n);
                        return c != null ? c : defineClass(n, out, 0, out.length);
                    }
                }
                return super.loadClass(n, resolve);
            }
        };
        @SuppressWarnings("unchecked")
        Callable<Integer> rewritten = (Callable<Integer>) loader.loadClass(name).getDeclaredConstructor().newInstance();
        assertEquals(new Fixture().call(), rewritten.call());
    }

    @Test
    void jdkAndAgentClasses_areNeverRewritten() throws Exception {
        assertNull(new Transformer().transform(null, null, "java/util/concurrent/SynchronousQueue", null, null, new byte[0]));
        assertNull(new Transformer().transform(null, getClass().getClassLoader(), "dev/lockcheck/agent/boot/Hooks", null, null,
                bytes(dev.lockcheck.agent.boot.Hooks.class)));
    }
}
