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
                        seq.add(n.equals("monitorAfter") ? "after" : n.equals("monitorExit") ? "exitHook" : n.equals("st") ? "st" : "call");
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
                                // the thread-state fetch (Hooks.st, the one-lookup-per-method local) goes with the hook, on its side of the range's edge
                                if (o.equals("st") && bounded) problems.add(method + ": the state fetch for " + hook + " on the other side of the range's edge");
                                if (o instanceof String && !o.equals("insn") && !o.equals("st")) problems.add(method + ": " + hook + " after a " + o);
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

    /** Methods (name + descriptor) of a class that fetch the thread state into a local ({@code Hooks.st}). */
    private static Set<String> stateLocal(byte[] b) {
        Set<String> out = new HashSet<>();
        new ClassReader(b).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String m, String d, boolean itf) {
                        if (owner.equals(Redirects.HOOKS) && m.equals("st")) out.add(name + desc);
                    }
                };
            }
        }, 0);
        return out;
    }

    /** Frames, types and stack heights of a rewritten class, checked by ASM's verifier; the problems found, or "". */
    private static String check(byte[] b, ClassLoader loader) {
        java.io.StringWriter w = new java.io.StringWriter();
        org.objectweb.asm.util.CheckClassAdapter.verify(new ClassReader(b), loader, false, new java.io.PrintWriter(w));
        return w.toString();
    }

    /**
     * One thread-state lookup per method: the methods with two or more hook sites (loops,
     * try/catch/finally, nested synchronized blocks, a synchronized method with a StampedLock, long
     * and double locals) keep the state in a new local, the constructor does not; the class passes
     * ASM's verifier, the JVM's when loaded, and computes what the original computes.
     */
    @Test
    void stateLocal_methodsWithSeveralSites_verifyAndBehaveTheSame() throws Exception {
        byte[] out = transform(dev.lockcheck.fixture.StateLocals.class);
        assertNotNull(out);
        assertEquals(Set.of("loop(I)J", "nested(I)I", "throwsThrough(I)I", "stamped(I)J", "staticSync(Ljava/lang/Object;)I",
                "monitorThenLock()V", "lockThenMonitor()V"), stateLocal(out));
        assertEquals("", check(out, getClass().getClassLoader()));
        assertBehavesTheSame(dev.lockcheck.fixture.StateLocals.class, new dev.lockcheck.fixture.StateLocals().call());
        assertBehavesTheSame(Monitors.class, new Monitors().call());
        assertTrue(!stateLocal(transform(Monitors.class)).isEmpty());
    }

    /** Hooks (name) each method of a rewritten class calls, by method (name + descriptor). */
    private static java.util.Map<String, Set<String>> hooksBy(byte[] b) {
        java.util.Map<String, Set<String>> out = new java.util.HashMap<>();
        new ClassReader(b).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                Set<String> hooks = out.computeIfAbsent(name + desc, k -> new HashSet<>());
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String m, String d, boolean itf) {
                        if (owner.equals(Redirects.HOOKS)) hooks.add(m);
                    }
                };
            }
        }, 0);
        return out;
    }

    /**
     * A synchronized method whose monitor can be loaded at every exit (a static method's class,
     * {@code this} in a local 0 nothing overwrites) gets a synchronized block's hooks and no stack of
     * its own: entry {@code monitorAfter}, exits {@code monitorExit}; it verifies and behaves the same.
     */
    @Test
    void synchronizedMethods_getTheBlockHooks() throws Exception {
        byte[] out = transform(dev.lockcheck.fixture.StateLocals.class);
        java.util.Map<String, Set<String>> hooks = hooksBy(out);
        for (String m : List.of("stamped(I)J", "staticSync(Ljava/lang/Object;)I")) {
            assertTrue(hooks.get(m).containsAll(Set.of("monitorAfter", "monitorExit")), m + " " + hooks.get(m));
            assertTrue(!hooks.get(m).contains("syncEnter") && !hooks.get(m).contains("syncExit"), m + " " + hooks.get(m));
        }
        assertEquals("", check(out, getClass().getClassLoader()));
        assertBehavesTheSame(dev.lockcheck.fixture.StateLocals.class, new dev.lockcheck.fixture.StateLocals().call());
    }

    /**
     * A synchronized method generated with local 0 overwritten, or with a stack map frame that
     * declares local 0 unusable (TOP), keeps its own monitor stack ({@code syncEnter}/{@code
     * syncExit}, which read no local): loading {@code this} at an exit would load the wrong object,
     * or fail verification. Both verify and behave the same after the rewrite; the one that keeps
     * {@code this} gets the block's hooks.
     */
    @Test
    void synchronizedMethods_whoseThisIsNotKept_keepTheirOwnStack() throws Exception {
        for (String shape : List.of("overwritten", "topFrame", "kept")) {
            String name = "dev/lockcheck/fixture/Gen" + shape;
            byte[] in = generatedSync(name, shape);
            byte[] out = new Transformer().transform(null, getClass().getClassLoader(), name, null, null, in);
            assertNotNull(out, shape);
            Set<String> hooks = hooksBy(out).get("m(I)I");
            hooks.remove("st"); // the state fetch into a local (two hook sites)
            if (shape.equals("kept")) assertEquals(Set.of("monitorAfter", "monitorExit"), hooks, shape);
            else assertEquals(Set.of("syncEnter", "syncExit"), hooks, shape);
            assertEquals("", check(out, getClass().getClassLoader()), shape);
            assertEquals(callGenerated(name, in), callGenerated(name, out), shape);
        }
    }

    /**
     * {@code class name implements Callable<Integer>}: {@code synchronized int m(int x)} returns 1 when
     * x is 0, else 2 (after overwriting local 0 with a new instance: "overwritten"; with a frame that
     * declares local 0 TOP: "topFrame"); {@code call()} returns m(0) * 10 + m(1).
     */
    private static byte[] generatedSync(String name, String shape) {
        org.objectweb.asm.ClassWriter cw = new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {"java/util/concurrent/Callable"});
        MethodVisitor c = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        c.visitCode();
        c.visitVarInsn(Opcodes.ALOAD, 0);
        c.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        c.visitInsn(Opcodes.RETURN);
        c.visitMaxs(0, 0);
        c.visitEnd();
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_SYNCHRONIZED, "m", "(I)I", null, null);
        m.visitCode();
        if (shape.equals("overwritten")) {
            m.visitTypeInsn(Opcodes.NEW, name);
            m.visitInsn(Opcodes.DUP);
            m.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", "()V", false);
            m.visitVarInsn(Opcodes.ASTORE, 0);
        }
        Label two = new Label();
        m.visitVarInsn(Opcodes.ILOAD, 1);
        m.visitJumpInsn(Opcodes.IFNE, two);
        m.visitInsn(Opcodes.ICONST_1);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(two);
        if (shape.equals("topFrame")) m.visitFrame(Opcodes.F_FULL, 2, new Object[] {Opcodes.TOP, Opcodes.INTEGER}, 0, new Object[0]);
        else m.visitFrame(Opcodes.F_FULL, 2, new Object[] {name, Opcodes.INTEGER}, 0, new Object[0]);
        m.visitInsn(Opcodes.ICONST_2);
        m.visitInsn(Opcodes.IRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        MethodVisitor call = cw.visitMethod(Opcodes.ACC_PUBLIC, "call", "()Ljava/lang/Object;", null, null);
        call.visitCode();
        call.visitVarInsn(Opcodes.ALOAD, 0);
        call.visitInsn(Opcodes.ICONST_0);
        call.visitMethodInsn(Opcodes.INVOKEVIRTUAL, name, "m", "(I)I", false);
        call.visitIntInsn(Opcodes.BIPUSH, 10);
        call.visitInsn(Opcodes.IMUL);
        call.visitVarInsn(Opcodes.ALOAD, 0);
        call.visitInsn(Opcodes.ICONST_1);
        call.visitMethodInsn(Opcodes.INVOKEVIRTUAL, name, "m", "(I)I", false);
        call.visitInsn(Opcodes.IADD);
        call.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        call.visitInsn(Opcodes.ARETURN);
        call.visitMaxs(0, 0);
        call.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Defines the class in a loader of its own (the JVM verifies it) and returns its call(). */
    private static Object callGenerated(String name, byte[] b) throws Exception {
        String dotted = name.replace('/', '.');
        ClassLoader loader = new ClassLoader(TransformerTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (!n.equals(dotted)) return super.loadClass(n, resolve);
                synchronized (getClassLoadingLock(n)) {
                    Class<?> c = findLoadedClass(n);
                    return c != null ? c : defineClass(n, b, 0, b.length);
                }
            }
        };
        return ((Callable<?>) loader.loadClass(dotted).getDeclaredConstructor().newInstance()).call();
    }

    /** Each hook the transformer may call with the state exists in Hooks with that descriptor, public and static. */
    @Test
    void stateVariants_existInHooks() throws Exception {
        Set<String> hooks = new HashSet<>();
        for (java.lang.reflect.Method m : dev.lockcheck.agent.boot.Hooks.class.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) hooks.add(m.getName() + org.objectweb.asm.Type.getMethodDescriptor(m));
        }
        for (String v : Transformer.STATE_VARIANTS) {
            assertTrue(hooks.contains(v), v);
            String name = v.substring(0, v.indexOf('('));
            assertTrue(hooks.contains(name + Transformer.withState(v.substring(name.length()))), "state variant of " + v);
        }
        for (String v : List.of("monitorBefore(Ljava/lang/Object;I)V", "monitorAfter(Ljava/lang/Object;I)V",
                "monitorExit(Ljava/lang/Object;)V", "syncEnter(Ljava/lang/Object;I)V", "syncExit(I)V")) {
            String name = v.substring(0, v.indexOf('('));
            assertTrue(hooks.contains(name + Transformer.withState(v.substring(name.length()))), "state variant of " + v);
        }
        assertTrue(hooks.contains("st(L" + Transformer.THREAD_STATE + ";)L" + Transformer.THREAD_STATE + ";"));
    }

    /**
     * Over every class of a real library (javac's code of many shapes), rewritten as the agent
     * would: each class the pass gives a state local passes ASM's verifier, and loads, links
     * (the JVM verifies it) and initialises in a loader of its own holding the whole library.
     */
    @Test
    void stateLocal_realLibraryClasses_verify() throws Exception {
        java.io.File jar = new java.io.File(com.fasterxml.jackson.databind.ObjectMapper.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        java.util.Map<String, byte[]> classes = new java.util.HashMap<>();
        List<String> withLocal = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar)) {
            for (java.util.jar.JarEntry e : java.util.Collections.list(j.entries())) {
                if (!e.getName().endsWith(".class") || e.getName().contains("module-info") || e.getName().startsWith("META-INF")) continue;
                byte[] b;
                try (InputStream in = j.getInputStream(e)) {
                    b = in.readAllBytes();
                }
                String name = e.getName().substring(0, e.getName().length() - 6);
                ClassReader cr = new ClassReader(b);
                Set<String> named = Transformer.toRewrite(cr);
                byte[] out = named.isEmpty() ? null : Transformer.rewrite(name, cr, named);
                classes.put(name.replace('/', '.'), out != null ? out : b);
                if (out == null || Transformer.stateLocals(cr, named).isEmpty()) continue;
                withLocal.add(name.replace('/', '.'));
                String p = check(out, getClass().getClassLoader());
                if (!p.isEmpty()) problems.add(name + ": " + p);
            }
        }
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                byte[] b = classes.get(n);
                if (b == null) return super.loadClass(n, resolve);
                synchronized (getClassLoadingLock(n)) {
                    Class<?> c = findLoadedClass(n);
                    return c != null ? c : defineClass(n, b, 0, b.length);
                }
            }
        };
        int linked = 0;
        for (String n : withLocal) {
            try {
                Class.forName(n, true, loader); // linking verifies it
                linked++;
            } catch (VerifyError | ClassFormatError ve) {
                problems.add(n + ": " + ve);
            } catch (ExceptionInInitializerError | NoClassDefFoundError other) {
                if (other.getCause() instanceof VerifyError) problems.add(n + ": " + other.getCause());
                else linked++; // an initialiser that needs more than the library: linked (verified) before it ran
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(withLocal.size() > 5 && linked > 5, withLocal.size() + " classes with a state local, " + linked + " linked");
    }
}
