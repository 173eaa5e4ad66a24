package dev.lockcheck.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import dev.lockcheck.fixture.Fixture;
import dev.lockcheck.fixture.Monitors;
import dev.lockcheck.fixture.Plain;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

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
    void preCheck_skipsAClassWithNothingToRewrite_andKeepsTheOnesWithLocksAndMonitors() throws Exception {
        assertEquals(Set.of(), Transformer.toRewrite(new ClassReader(bytes(Plain.class))));
        assertTrue(Transformer.toRewrite(new ClassReader(bytes(Fixture.class))).contains("call()Ljava/lang/Integer;"));
        assertTrue(!Transformer.toRewrite(new ClassReader(bytes(Monitors.class))).isEmpty());
    }

    /**
     * The pre-check may name a method the ASM pass then leaves alone, never the other way round: over
     * every class of a real library, each method the full pass puts a hook in is named, and the pass
     * limited to the named methods puts hooks in the same methods.
     */
    @Test
    void preCheck_namesEveryMethodTheAsmPassChanges() throws Exception {
        java.io.File jar = new java.io.File(com.fasterxml.jackson.databind.ObjectMapper.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        int classes = 0, skipped = 0, rewritten = 0;
        List<String> missed = new ArrayList<>();
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar)) {
            for (java.util.jar.JarEntry e : java.util.Collections.list(j.entries())) {
                if (!e.getName().endsWith(".class") || e.getName().contains("module-info")) continue;
                byte[] b;
                try (InputStream in = j.getInputStream(e)) {
                    b = in.readAllBytes();
                }
                classes++;
                String name = e.getName().substring(0, e.getName().length() - 6);
                ClassReader cr = new ClassReader(b);
                Set<String> named = Transformer.toRewrite(cr);
                Set<String> hooked = hooked(Transformer.rewrite(name, cr, null));
                if (named.isEmpty()) skipped++;
                if (!named.containsAll(hooked)) missed.add(name + " " + hooked + " named " + named);
                if (!named.isEmpty()) {
                    rewritten++;
                    Set<String> partial = hooked(Transformer.rewrite(name, cr, named));
                    if (!partial.equals(hooked)) missed.add(name + " partial pass hooked " + partial + ", full " + hooked);
                }
            }
        }
        assertEquals(List.of(), missed);
        assertTrue(classes > 500 && skipped > classes / 2 && rewritten > 10, classes + " classes, " + skipped + " skipped");
    }

    /** Methods (name + descriptor) of a class that call a hook; none for null (the class was left alone). */
    private static Set<String> hooked(byte[] b) {
        Set<String> out = new HashSet<>();
        if (b == null) return out;
        new ClassReader(b).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String m, String d, boolean itf) {
                        if (owner.equals(Redirects.HOOKS)) out.add(name + desc);
                    }
                };
            }
        }, 0);
        return out;
    }

    @Test
    void rewrittenClass_verifiesLoadsAndBehavesTheSame() throws Exception {
        assertBehavesTheSame(Fixture.class, new Fixture().call());
    }

    @Test
    void rewrittenSynchronizedBlocks_verifyLoadAndBehaveTheSame() throws Exception {
        assertBehavesTheSame(Monitors.class, new Monitors().call());
    }

    /**
     * HotSpot compiles a method only when its monitors pair up on every path, exceptional ones
     * included: the after-enter hook must sit inside javac's catch-all range (whose handler exits
     * the monitor) and the exit hook outside the range that ends after the MONITOREXIT. And no jump
     * target may lie between an enter and its hook (a loop at the block's start would run it again).
     */
    @Test
    void monitorHooks_sitWhereTheMonitorsStillPairUp() throws Exception {
        List<String> problems = new ArrayList<>();
        int[] hooks = {0};
        new ClassReader(transform(Monitors.class)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String desc, String sig, String[] ex) {
                return new MethodVisitor(Opcodes.ASM9) {
                    final List<Object> seq = new ArrayList<>(); // labels and "enter", "after", "exit", "exitHook" in code order
                    final Set<Label> starts = new HashSet<>();
                    final Set<Label> ends = new HashSet<>();
                    final Set<Label> targets = new HashSet<>();

                    @Override
                    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                        if (type == null) {
                            starts.add(start);
                            ends.add(end);
                        }
                    }

                    @Override
                    public void visitLabel(Label l) {
                        seq.add(l);
                    }

                    @Override
                    public void visitJumpInsn(int op, Label l) {
                        targets.add(l);
                        seq.add("jump");
                    }

                    @Override
                    public void visitInsn(int op) {
                        seq.add(op == Opcodes.MONITORENTER ? "enter" : op == Opcodes.MONITOREXIT ? "exit" : "insn");
                    }

                    @Override
                    public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                        seq.add(n.equals("monitorAfter") ? "after" : n.equals("monitorExit") ? "exitHook" : "call");
                    }

                    @Override
                    public void visitEnd() {
                        for (int i = 0; i < seq.size(); i++) {
                            Object hook = seq.get(i);
                            if (!hook.equals("after") && !hook.equals("exitHook")) continue;
                            hooks[0]++;
                            boolean after = hook.equals("after");
                            boolean bounded = false;
                            for (int j = i - 1; j >= 0 && !seq.get(j).equals(after ? "enter" : "exit"); j--) {
                                Object o = seq.get(j);
                                if (o instanceof String && !o.equals("insn")) problems.add(method + ": " + hook + " after a " + o);
                                if (targets.contains(o)) problems.add(method + ": a jump target between the monitor and " + hook);
                                if ((after ? starts : ends).contains(o)) bounded = true;
                            }
                            if (!bounded) problems.add(method + ": " + hook + (after ? " outside" : " inside") + " the catch-all range");
                        }
                    }
                };
            }
        }, 0);
        assertEquals(List.of(), problems);
        assertEquals(5 + 2 * 5, hooks[0], "an after-enter hook for each of the 5 blocks, an exit hook on its normal and its exceptional way out");
    }

    private static void assertBehavesTheSame(Class<? extends Callable<Integer>> c, Integer expected) throws Exception {
        byte[] out = transform(c);
        assertNotNull(out, "the fixture has lock calls to rewrite");
        String name = c.getName();
        ClassLoader loader = new ClassLoader(TransformerTest.class.getClassLoader()) {
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
        assertEquals(expected, rewritten.call());
    }

    @Test
    void jdkAndAgentClasses_areNeverRewritten() throws Exception {
        assertNull(new Transformer().transform(null, null, "java/util/concurrent/SynchronousQueue", null, null, new byte[0]));
        assertNull(new Transformer().transform(null, getClass().getClassLoader(), "dev/lockcheck/agent/boot/Hooks", null, null,
                bytes(dev.lockcheck.agent.boot.Hooks.class)));
    }
}
