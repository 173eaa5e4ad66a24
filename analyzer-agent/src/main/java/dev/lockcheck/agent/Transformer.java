package dev.lockcheck.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites application classes: calls listed in {@link Redirects} become static calls of the
 * matching {@code Hooks} wrapper (same stack shape plus the site id, so no frame changes), lock
 * allocations report their site, {@code synchronized} blocks report enter/exit. JDK classes keep
 * their bytes, except {@code FutureTask.run/set/setException}, which call a hook on entry (code
 * only: no field or method is added). A class with nothing to rewrite is returned untouched.
 */
final class Transformer implements ClassFileTransformer {
    private static final String FUTURE_TASK = "java/util/concurrent/FutureTask";
    private static final String ASYNC_SUPPLY = "java/util/concurrent/CompletableFuture$AsyncSupply";
    private static final String ASYNC_RUN = "java/util/concurrent/CompletableFuture$AsyncRun";
    private static final String FORK_JOIN_TASK = "java/util/concurrent/ForkJoinTask";
    /** JDK classes whose code (never their shape) says which thread runs which task. */
    static final java.util.Set<String> TASK_CLASSES = java.util.Set.of(FUTURE_TASK, ASYNC_SUPPLY, ASYNC_RUN, FORK_JOIN_TASK);

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain pd, byte[] bytes) {
        try {
            if (className == null) return null;
            if (TASK_CLASSES.contains(className)) return tasks(className, bytes);
            if (loader == null || skipped(className)) return null;
            return application(className, bytes);
        } catch (Throwable t) {
            AgentMain.warnOnce("could not instrument " + className + ": " + t);
            return null;
        }
    }

    static boolean skipped(String n) {
        return n.startsWith("java/") || n.startsWith("javax/") || n.startsWith("jdk/") || n.startsWith("sun/")
                || n.startsWith("com/sun/") || n.startsWith("dev/lockcheck/agent/") || n.startsWith("org/graalvm/");
    }

    private static byte[] application(String className, byte[] bytes) {
        ClassReader cr = new ClassReader(bytes);
        java.util.Set<String> methods = toRewrite(cr);
        return methods.isEmpty() ? null : rewrite(className, cr, methods);
    }

    /**
     * The ASM pass: the rewritten class, or null when nothing in it changed. Only the methods named
     * in {@code methods} (name + descriptor; null: all) go through the rewriting visitors; ASM copies
     * the others' bytes as they are, without decoding their code.
     */
    static byte[] rewrite(String className, ClassReader cr, java.util.Set<String> methods) {
        java.util.Map<String, Integer> locals = stateLocals(cr, methods);
        java.util.Set<String> keepThis = thisKept(cr, methods);
        boolean expand = !locals.isEmpty();
        ClassWriter cw = new ClassWriter(cr, 0);
        boolean[] changed = {false};
        cr.accept(new ClassVisitor(Opcodes.ASM9, cw) {
            String source;
            int version;

            @Override
            public void visit(int v, int access, String name, String sig, String superName, String[] itfs) {
                version = v;
                super.visit(v, access, name, sig, superName, itfs);
            }

            @Override
            public void visitSource(String s, String debug) {
                source = s;
                super.visitSource(s, debug);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, ex);
                if (methods != null && !methods.contains(name + desc)) return mv;
                Integer local = locals.get(name + desc);
                int ts = local == null ? -1 : local;
                if (ts >= 0) mv = new StateLocal(mv, ts);
                if ((access & Opcodes.ACC_SYNCHRONIZED) != 0 && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
                        && ((access & Opcodes.ACC_STATIC) == 0 || (version & 0xFFFF) >= Opcodes.V1_5)) {
                    boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
                    mv = new SyncMethod(mv, className, name, source, isStatic, version & 0xFFFF, ts, expand,
                            SYNC_AS_MONITOR && (isStatic || keepThis.contains(name + desc)));
                    changed[0] = true;
                }
                return new CallSites(mv, className, name, source, changed, ts);
            }
        }, expand ? ClassReader.EXPAND_FRAMES : 0);
        return changed[0] ? cw.toByteArray() : null;
    }

    /**
     * The methods (name + descriptor) the ASM pass may change, read from the constant pool and the
     * code without the pass (which costs most of the agent's start in an application with thousands
     * of classes): a synchronized method, or code with a monitor instruction, an invokevirtual or
     * invokeinterface of a call {@link Redirects} knows, a {@code new} of a named lock kind, or a
     * {@code new Object()} in a class that uses a field of type Object (where such a monitor would be
     * stored). Empty: the class is left as it is. The instructions are decoded, not byte-searched,
     * so an operand never looks like a monitor instruction; code that does not decode counts as
     * changed.
     */
    static java.util.Set<String> toRewrite(ClassReader cr) {
        char[] buf = new char[cr.getMaxStringLength()];
        int items = cr.getItemCount();
        boolean[] hot = new boolean[items]; // constant pool entries whose use by an instruction is rewritten
        boolean[] object = new boolean[items]; // entries naming the class java/lang/Object (javac may write two)
        boolean objectField = false; // a field of type Object is read or written
        for (int i = 1; i < items; i++) {
            int at = cr.getItem(i);
            if (at == 0) continue; // the second slot of a long or double
            int tag = cr.readByte(at - 1);
            if (tag == CLASS) {
                String name = cr.readUTF8(at, buf);
                hot[i] = Redirects.ALLOCATED.contains(name);
                object[i] = name.equals("java/lang/Object");
            } else if (tag == FIELD_REF) {
                int nat = cr.getItem(cr.readUnsignedShort(at + 2));
                objectField |= cr.readUTF8(nat + 2, buf).equals("Ljava/lang/Object;");
            } else if (tag == METHOD_REF || tag == INTERFACE_METHOD_REF) {
                int nat = cr.getItem(cr.readUnsignedShort(at + 2));
                String name = cr.readUTF8(nat, buf); // the name first: most are no redirected call's, and the owner and descriptor stay undecoded
                hot[i] = Redirects.named(name) && Redirects.find(cr.readClass(at, buf), name, cr.readUTF8(nat + 2, buf)) != null;
            }
        }
        for (int i = 1; objectField && i < items; i++) hot[i] |= object[i];
        java.util.Set<String> out = new java.util.HashSet<>();
        int p = cr.header + 6;
        p += 2 + 2 * cr.readUnsignedShort(p); // interfaces
        int fields = cr.readUnsignedShort(p);
        p += 2;
        for (int f = 0; f < fields; f++) p = skipAttributes(cr, p + 6);
        int methods = cr.readUnsignedShort(p);
        p += 2;
        for (int m = 0; m < methods; m++) {
            int access = cr.readUnsignedShort(p);
            String key = cr.readUTF8(p + 2, buf) + cr.readUTF8(p + 4, buf);
            if ((access & Opcodes.ACC_SYNCHRONIZED) != 0 && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0) out.add(key);
            int attributes = cr.readUnsignedShort(p + 6);
            p += 8;
            for (int a = 0; a < attributes; a++) {
                int length = cr.readInt(p + 2);
                if ("Code".equals(cr.readUTF8(p, buf)) && rewritten(cr, p + 14, cr.readInt(p + 10), hot)) out.add(key);
                p += 6 + length;
            }
        }
        return out;
    }

    private static final int CLASS = 7, FIELD_REF = 9, METHOD_REF = 10, INTERFACE_METHOD_REF = 11;

    /** Instruction lengths by opcode (0: a switch or wide, decoded apart; -1: not an opcode). */
    private static final byte[] LENGTH = new byte[256];

    static {
        java.util.Arrays.fill(LENGTH, (byte) -1);
        java.util.Arrays.fill(LENGTH, 0, 202, (byte) 1);
        LENGTH[Opcodes.BIPUSH] = 2;
        LENGTH[Opcodes.SIPUSH] = 3;
        LENGTH[Opcodes.LDC] = 2;
        LENGTH[19] = 3; // ldc_w
        LENGTH[20] = 3; // ldc2_w
        java.util.Arrays.fill(LENGTH, Opcodes.ILOAD, Opcodes.ALOAD + 1, (byte) 2);
        java.util.Arrays.fill(LENGTH, Opcodes.ISTORE, Opcodes.ASTORE + 1, (byte) 2);
        LENGTH[Opcodes.IINC] = 3;
        java.util.Arrays.fill(LENGTH, Opcodes.IFEQ, Opcodes.JSR + 1, (byte) 3);
        LENGTH[Opcodes.RET] = 2;
        LENGTH[Opcodes.TABLESWITCH] = 0;
        LENGTH[Opcodes.LOOKUPSWITCH] = 0;
        java.util.Arrays.fill(LENGTH, Opcodes.GETSTATIC, Opcodes.INVOKESTATIC + 1, (byte) 3);
        LENGTH[Opcodes.INVOKEINTERFACE] = 5;
        LENGTH[Opcodes.INVOKEDYNAMIC] = 5;
        LENGTH[Opcodes.NEW] = 3;
        LENGTH[Opcodes.NEWARRAY] = 2;
        LENGTH[Opcodes.ANEWARRAY] = 3;
        LENGTH[Opcodes.CHECKCAST] = 3;
        LENGTH[Opcodes.INSTANCEOF] = 3;
        LENGTH[196] = 0; // wide
        LENGTH[Opcodes.MULTIANEWARRAY] = 4;
        LENGTH[Opcodes.IFNULL] = 3;
        LENGTH[Opcodes.IFNONNULL] = 3;
        LENGTH[200] = 5; // goto_w
        LENGTH[201] = 5; // jsr_w
    }

    /** Whether the code at [start, start + length) has an instruction the pass rewrites. */
    private static boolean rewritten(ClassReader cr, int start, int length, boolean[] hot) {
        int end = start + length;
        for (int c = start; c < end; ) {
            int op = cr.readByte(c);
            switch (op) {
                case Opcodes.MONITORENTER, Opcodes.MONITOREXIT -> {
                    return true;
                }
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE, Opcodes.NEW -> {
                    int i = cr.readUnsignedShort(c + 1);
                    if (i < hot.length && hot[i]) return true;
                    c += LENGTH[op];
                }
                case Opcodes.TABLESWITCH -> {
                    int q = start + ((c - start + 4) & ~3); // after the padding
                    c = q + 12 + 4 * (cr.readInt(q + 8) - cr.readInt(q + 4) + 1);
                }
                case Opcodes.LOOKUPSWITCH -> {
                    int q = start + ((c - start + 4) & ~3);
                    c = q + 8 + 8 * cr.readInt(q + 4);
                }
                case 196 -> c += cr.readByte(c + 1) == Opcodes.IINC ? 6 : 4; // wide
                default -> {
                    if (LENGTH[op] <= 0) return true; // not an instruction: let the pass decide
                    c += LENGTH[op];
                }
            }
        }
        return false;
    }

    /** Offset after the attributes that start at p (count, then each: name, length, bytes). */
    private static int skipAttributes(ClassReader cr, int p) {
        int n = cr.readUnsignedShort(p);
        p += 2;
        for (int a = 0; a < n; a++) p += 6 + cr.readInt(p + 2);
        return p;
    }


    /**
     * A synchronized method's monitor tracked like a synchronized block's, on the held stack only
     * ({@link SyncMethod}); {@code -Dlockcheck.syncAsMonitor=false}: its own stack of monitors, as before.
     */
    static final boolean SYNC_AS_MONITOR = !"false".equals(System.getProperty("lockcheck.syncAsMonitor"));

    /**
     * The synchronized instance methods (of {@code methods}; null: all) whose local 0 holds
     * {@code this} at every instruction: no instruction stores to it, every stack map frame
     * declares it as the class itself, and the code has no JSR/RET. Their exits can load the
     * monitor from it; the others keep their own stack of monitors. Decodes only those methods'
     * code (ASM skips the rest), and only in a class that has one.
     */
    static java.util.Set<String> thisKept(ClassReader cr, java.util.Set<String> methods) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (!SYNC_AS_MONITOR) return out;
        String owner = cr.getClassName();
        cr.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                String key = name + desc;
                if ((access & (Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE))
                        != Opcodes.ACC_SYNCHRONIZED || name.equals("<init>") || (methods != null && !methods.contains(key))) {
                    return null;
                }
                out.add(key);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitVarInsn(int op, int var) {
                        if (var == 0 && op >= Opcodes.ISTORE && op <= Opcodes.ASTORE || op == Opcodes.RET) out.remove(key);
                    }

                    @Override
                    public void visitIincInsn(int var, int inc) {
                        if (var == 0) out.remove(key);
                    }

                    @Override
                    public void visitJumpInsn(int op, Label l) {
                        if (op == Opcodes.JSR) out.remove(key);
                    }

                    @Override
                    public void visitFrame(int type, int nLocal, Object[] local, int nStack, Object[] stack) {
                        if (nLocal == 0 || !owner.equals(local[0])) out.remove(key);
                    }
                };
            }
        }, ClassReader.EXPAND_FRAMES);
        return out;
    }

    /** One thread-state lookup per method (see {@link StateLocal}); {@code -Dlockcheck.stateLocal=false}: one per hook site, as before. */
    static final boolean STATE_LOCAL = !"false".equals(System.getProperty("lockcheck.stateLocal"));

    static final String THREAD_STATE = "dev/lockcheck/agent/boot/ThreadState";
    private static final String TS_DESC = "L" + THREAD_STATE + ";";

    /**
     * Hooks (name + descriptor) that have a variant taking the caller's thread state as a last
     * argument: the ones on the uncontended hot path. {@code TransformerTest} checks each exists.
     */
    static final java.util.Set<String> STATE_VARIANTS = stateVariants();

    private static java.util.Set<String> stateVariants() {
        String l = "Ljava/util/concurrent/locks/";
        java.util.Set<String> v = new java.util.HashSet<>();
        for (String o : new String[] {"Lock;", "ReentrantLock;", "ReentrantReadWriteLock$ReadLock;", "ReentrantReadWriteLock$WriteLock;"}) {
            v.add("lock(" + l + o + "I)V");
            v.add("unlock(" + l + o + "I)V");
        }
        v.add("readLock(" + l + "StampedLock;I)J");
        v.add("writeLock(" + l + "StampedLock;I)J");
        for (String m : new String[] {"unlockRead", "unlockWrite", "unlock"}) v.add(m + "(" + l + "StampedLock;JI)V");
        return java.util.Set.copyOf(v);
    }

    /** The descriptor of a hook's state variant. */
    static String withState(String desc) {
        int close = desc.indexOf(')');
        return desc.substring(0, close) + TS_DESC + desc.substring(close);
    }

    /** Code longer than this keeps the per-site lookup (each site grows by up to 9 bytes; a method must stay under 64 KB). */
    static final int MAX_CODE = 16 * 1024;

    /**
     * The methods (of {@code methods}; null: all) that fetch the thread state once into a new local,
     * with that local's index (the method's max_locals, above every local its code uses): those with
     * at least two hook sites that take the state (a monitor enter is two, a synchronized method two).
     * Left out, keeping the per-site lookup: constructors (code before {@code super()}), code with
     * JSR/RET (pre-Java-6 subroutines, whose locals the old verifier tracks its own way), code that
     * does not decode, long code, and methods without code.
     */
    static java.util.Map<String, Integer> stateLocals(ClassReader cr, java.util.Set<String> methods) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        if (!STATE_LOCAL) return out;
        char[] buf = new char[cr.getMaxStringLength()];
        int items = cr.getItemCount();
        boolean[] variant = new boolean[items];
        for (int i = 1; i < items; i++) {
            int at = cr.getItem(i);
            if (at == 0) continue;
            int tag = cr.readByte(at - 1);
            if (tag == METHOD_REF || tag == INTERFACE_METHOD_REF) {
                int nat = cr.getItem(cr.readUnsignedShort(at + 2));
                String name = cr.readUTF8(nat, buf);
                if (!Redirects.named(name)) continue;
                Redirects.Target t = Redirects.find(cr.readClass(at, buf), name, cr.readUTF8(nat + 2, buf));
                variant[i] = t != null && STATE_VARIANTS.contains(t.name() + t.desc());
            }
        }
        int p = cr.header + 6;
        p += 2 + 2 * cr.readUnsignedShort(p);
        int fields = cr.readUnsignedShort(p);
        p += 2;
        for (int f = 0; f < fields; f++) p = skipAttributes(cr, p + 6);
        int count = cr.readUnsignedShort(p);
        p += 2;
        for (int m = 0; m < count; m++) {
            int access = cr.readUnsignedShort(p);
            String name = cr.readUTF8(p + 2, buf);
            String key = name + cr.readUTF8(p + 4, buf);
            int attributes = cr.readUnsignedShort(p + 6);
            p += 8;
            for (int a = 0; a < attributes; a++) {
                int length = cr.readInt(p + 2);
                if ("Code".equals(cr.readUTF8(p, buf)) && !name.equals("<init>") && (methods == null || methods.contains(key))) {
                    int maxLocals = cr.readUnsignedShort(p + 8);
                    int codeLength = cr.readInt(p + 10);
                    int sites = (access & Opcodes.ACC_SYNCHRONIZED) != 0 ? 2 : 0;
                    int found = codeLength > MAX_CODE || maxLocals > 60000 ? -1 : stateSites(cr, p + 14, codeLength, variant);
                    if (found >= 0 && sites + found >= 2) out.put(key, maxLocals);
                }
                p += 6 + length;
            }
        }
        return out;
    }

    /** Hook sites in the code that take the thread state, or -1 when the code has JSR/RET or does not decode. */
    private static int stateSites(ClassReader cr, int start, int length, boolean[] variant) {
        int end = start + length;
        int n = 0;
        for (int c = start; c < end; ) {
            int op = cr.readByte(c);
            switch (op) {
                case Opcodes.MONITORENTER -> {
                    n += 2;
                    c++;
                }
                case Opcodes.MONITOREXIT -> {
                    n++;
                    c++;
                }
                case Opcodes.JSR, Opcodes.RET, 201 -> {
                    return -1;
                }
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE -> {
                    int i = cr.readUnsignedShort(c + 1);
                    if (i < variant.length && variant[i]) n++;
                    c += LENGTH[op];
                }
                case Opcodes.TABLESWITCH -> {
                    int q = start + ((c - start + 4) & ~3);
                    c = q + 12 + 4 * (cr.readInt(q + 8) - cr.readInt(q + 4) + 1);
                }
                case Opcodes.LOOKUPSWITCH -> {
                    int q = start + ((c - start + 4) & ~3);
                    c = q + 8 + 8 * cr.readInt(q + 4);
                }
                case 196 -> {
                    int w = cr.readByte(c + 1);
                    if (w == Opcodes.RET) return -1;
                    c += w == Opcodes.IINC ? 6 : 4;
                }
                default -> {
                    if (LENGTH[op] <= 0) return -1;
                    c += LENGTH[op];
                }
            }
        }
        return n;
    }

    /**
     * Innermost visitor of a method that keeps the thread state in local {@code ts} (its original
     * max_locals): the local is set to null before the first instruction, so it is assigned on every
     * path and at every frame, exception handlers and loop heads included; each hook site then
     * loads it through {@code Hooks.st} (a lookup only while it is null) and stores it back. The
     * frames (read expanded) declare the local as ThreadState (null fits), above padding TOPs.
     * Nothing branches on it in the method's code, so no frame is added.
     */
    private static final class StateLocal extends MethodVisitor {
        private final int ts;

        StateLocal(MethodVisitor mv, int ts) {
            super(Opcodes.ASM9, mv);
            this.ts = ts;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitInsn(Opcodes.ACONST_NULL);
            super.visitVarInsn(Opcodes.ASTORE, ts);
        }

        @Override
        public void visitFrame(int type, int nLocal, Object[] local, int nStack, Object[] stack) {
            if (type != Opcodes.F_NEW) throw new IllegalStateException("frames not expanded"); // the class is left as it is
            int slots = 0;
            for (int i = 0; i < nLocal; i++) slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
            if (slots > ts) throw new IllegalStateException("a frame above max_locals");
            // expanded frames: one entry per local, a long or double one entry for its two slots
            java.util.List<Object> l = new java.util.ArrayList<>(java.util.Arrays.asList(local).subList(0, nLocal));
            for (; slots < ts; slots++) l.add(Opcodes.TOP);
            l.add(THREAD_STATE);
            super.visitFrame(type, l.size(), l.toArray(), nStack, stack);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 2, Math.max(maxLocals, ts + 1));
        }
    }

    /** One method of an application class. */
    private static final class CallSites extends MethodVisitor {
        private final String owner;
        private final String method;
        private final String source;
        private final boolean[] changed;
        private int line;
        private int pendingNew;
        private int namedSite;
        /** The last instruction was {@code new Object()}'s constructor call: a field store next names a monitor. */
        private boolean newObject;
        private int pendingObject;
        /**
         * Start and end labels of catch-all ranges, each with a label of our own placed just before
         * it that starts (ends) the range instead. HotSpot compiles a method (C1 and C2) only when its
         * monitors pair up on every path, exceptional ones included, so a hook call that can throw
         * must sit where javac's handler sees the same monitors as the JVM: the after-enter hook goes
         * just inside the range that follows a {@code MONITORENTER}, the exit hook just outside the
         * range that ends after a {@code MONITOREXIT}. Both go before the original label, which a
         * loop may jump to (with a stack map frame there): the hook must not run again.
         */
        private final java.util.Map<Label, Label> rangeStarts = new java.util.HashMap<>();
        private final java.util.Map<Label, Label> rangeEnds = new java.util.HashMap<>();
        /** Site of a {@code MONITORENTER} whose after-enter hook is not emitted yet (its object is on the stack), else 0. */
        private int enterPending;
        /** A {@code MONITOREXIT} whose exit hook is not emitted yet (its object is on the stack). */
        private boolean exitPending;

        /** The thread-state local (see {@link StateLocal}), or -1: each hook looks the state up itself. */
        private final int ts;

        CallSites(MethodVisitor mv, String owner, String method, String source, boolean[] changed, int ts) {
            super(Opcodes.ASM9, mv);
            this.ts = ts;
            this.owner = owner;
            this.method = method;
            this.source = source;
            this.changed = changed;
        }

        private int site() {
            changed[0] = true;
            return Sites.add(owner, method, source, line);
        }

        /** A site of a redirected call, which also remembers the call ({@code SynchronousQueue.put}). */
        private int site(String calledOwner, String called) {
            changed[0] = true;
            return Sites.add(owner, method, source, line, calledOwner.substring(calledOwner.lastIndexOf('/') + 1) + "." + called);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type == null) {
                // get/put, not computeIfAbsent with lambdas: two lambdas linked on the application's first class
                Label s = rangeStarts.get(start);
                if (s == null) rangeStarts.put(start, s = new Label());
                Label e = rangeEnds.get(end);
                if (e == null) rangeEnds.put(end, e = new Label());
                start = s;
                end = e;
            }
            super.visitTryCatchBlock(start, end, handler, type);
        }

        @Override
        public void visitLabel(Label label) {
            Label rangeEnd = rangeEnds.get(label);
            if (rangeEnd != null) super.visitLabel(rangeEnd);
            flushExit();
            Label rangeStart = rangeStarts.get(label);
            if (rangeStart != null) super.visitLabel(rangeStart);
            flushEnter();
            super.visitLabel(label);
        }

        /** Pushes the thread state (fetched once per frame: see {@link StateLocal}) for a hook's state variant; returns its descriptor. */
        private String state(String desc) {
            pushState(this.mv, ts);
            return withState(desc);
        }

        /** Emits the after-enter hook if one waits: inside the range when a range just started, else at once. */
        private void flushEnter() {
            if (enterPending == 0) return;
            super.visitLdcInsn(enterPending);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "monitorAfter", ts < 0 ? "(Ljava/lang/Object;I)V" : state("(Ljava/lang/Object;I)V"), false);
            enterPending = 0;
        }

        private void flushExit() {
            if (!exitPending) return;
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "monitorExit", ts < 0 ? "(Ljava/lang/Object;)V" : state("(Ljava/lang/Object;)V"), false);
            exitPending = false;
        }

        @Override
        public void visitLineNumber(int l, Label start) {
            flushExit();
            flushEnter();
            line = l;
            super.visitLineNumber(l, start);
        }

        @Override
        public void visitFrame(int type, int nLocal, Object[] local, int nStack, Object[] stack) {
            flushExit();
            flushEnter();
            super.visitFrame(type, nLocal, local, nStack, stack);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            flushExit();
            flushEnter();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            flushExit();
            flushEnter();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitLdcInsn(Object value) {
            flushExit();
            flushEnter();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            flushExit();
            flushEnter();
            super.visitIincInsn(var, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            flushExit();
            flushEnter();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            flushExit();
            flushEnter();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            flushExit();
            flushEnter();
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bsm, Object... bsmArgs) {
            flushExit();
            flushEnter();
            super.visitInvokeDynamicInsn(name, descriptor, bsm, bsmArgs);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            flushExit();
            flushEnter();
            namedSite = 0;
            newObject = false;
            if (opcode == Opcodes.NEW && type.equals("java/lang/Object")) pendingObject++;
            if (opcode == Opcodes.NEW && Redirects.ALLOCATED.contains(type)) pendingNew++;
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String fOwner, String name, String desc) {
            flushExit();
            flushEnter();
            if (namedSite != 0 && (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC)) {
                Sites.nameField(namedSite, fOwner, name);
            }
            if (newObject && (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC)) {
                // `Object lock = new Object()`: the monitor is named by its field; other Objects cost nothing
                int s = site();
                Sites.nameField(s, fOwner, name);
                super.visitInsn(Opcodes.DUP);
                super.visitLdcInsn(s);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "created", "(Ljava/lang/Object;I)V", false);
            }
            newObject = false;
            namedSite = 0;
            super.visitFieldInsn(opcode, fOwner, name, desc);
        }

        @Override
        public void visitMethodInsn(int opcode, String mOwner, String name, String desc, boolean itf) {
            flushExit();
            flushEnter();
            namedSite = 0;
            newObject = false;
            if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
                Redirects.Target t = Redirects.find(mOwner, name, desc);
                if (t != null) {
                    super.visitLdcInsn(site(mOwner, name));
                    String d = ts >= 0 && STATE_VARIANTS.contains(t.name() + t.desc()) ? state(t.desc()) : t.desc();
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, t.name(), d, false);
                    return;
                }
            }
            super.visitMethodInsn(opcode, mOwner, name, desc, itf);
            if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && mOwner.equals("java/lang/Object") && pendingObject > 0) {
                pendingObject--;
                newObject = true;
            }
            if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && pendingNew > 0
                    && Redirects.ALLOCATED.contains(mOwner)) {
                pendingNew--;
                int s = site();
                super.visitInsn(Opcodes.DUP);
                super.visitLdcInsn(s);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "created", "(Ljava/lang/Object;I)V", false);
                namedSite = s;
            }
        }

        @Override
        public void visitInsn(int opcode) {
            flushExit();
            flushEnter();
            namedSite = 0;
            newObject = false;
            if (opcode == Opcodes.MONITORENTER) {
                int s = site();
                super.visitInsn(Opcodes.DUP);
                super.visitInsn(Opcodes.DUP);
                super.visitLdcInsn(s);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "monitorBefore", ts < 0 ? "(Ljava/lang/Object;I)V" : state("(Ljava/lang/Object;I)V"), false);
                super.visitInsn(Opcodes.MONITORENTER);
                enterPending = s; // monitorAfter(object, s), the object left on the stack: see visitLabel
                return;
            }
            if (opcode == Opcodes.MONITOREXIT) {
                changed[0] = true;
                super.visitInsn(Opcodes.DUP);
                super.visitInsn(Opcodes.MONITOREXIT);
                exitPending = true; // monitorExit(object), the object left on the stack: see visitLabel
                return;
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            flushExit();
            flushEnter();
            namedSite = 0;
            newObject = false;
            super.visitVarInsn(opcode, var);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            flushExit();
            flushEnter();
            super.visitMaxs(maxStack + 4, maxLocals);
        }
    }

    /** {@code ts = Hooks.st(ts)}, left on the stack: straight-line code, the null test is in the hook. */
    static void pushState(MethodVisitor mv, int ts) {
        mv.visitVarInsn(Opcodes.ALOAD, ts);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "st", "(" + TS_DESC + ")" + TS_DESC, false);
        mv.visitInsn(Opcodes.DUP);
        mv.visitVarInsn(Opcodes.ASTORE, ts);
    }

    /**
     * A synchronized method: the monitor is taken by the JVM before the first instruction and given
     * back at every exit. When the monitor can be loaded at every exit ({@code direct}: a static
     * method's class constant, or {@code this} in local 0 where {@link #thisKept} says it stays),
     * the method gets a synchronized block's hooks: entry {@code Hooks.monitorAfter(monitor, site)},
     * every return and one catch-all handler appended last (lowest priority, after the method's own
     * handlers) {@code Hooks.monitorExit(monitor)}, the handler then rethrows; the monitor is on the
     * held stack only. Otherwise entry calls {@code Hooks.syncEnter(this, site)}, which also pushes
     * it on the thread's stack of synchronized-method monitors, and the exits {@code
     * Hooks.syncExit(site)}, which pop it. The handler's frame declares no locals but local 0
     * ({@code this}, direct only) and only the Throwable on the stack, so it fits whatever the
     * method keeps in its other locals: no frame computation, no class loading.
     */
    private static final class SyncMethod extends MethodVisitor {
        private final boolean isStatic;
        private final String owner;
        private final int version;
        private final int site;
        private final Label start = new Label();
        private final Label end = new Label();
        private final Label handler = new Label();
        private final Label prologue = new Label();
        private boolean lineSet;
        private boolean framesSeen;
        /** The thread-state local, or -1. */
        private final int ts;
        /** Frames are read expanded (F_NEW): the handler's frame must be one too. */
        private final boolean expand;
        /** The exits load the monitor (the class constant or local 0) and call the block's hooks. */
        private final boolean direct;

        SyncMethod(MethodVisitor mv, String owner, String method, String source, boolean isStatic, int version, int ts,
                   boolean expand, boolean direct) {
            super(Opcodes.ASM9, mv);
            this.direct = direct;
            this.ts = ts;
            this.expand = expand;
            this.owner = owner;
            this.isStatic = isStatic;
            this.version = version;
            this.site = Sites.add(owner, method, source, 0, "synchronized method");
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitLabel(prologue);
            monitor();
            super.visitLdcInsn(site);
            if (ts >= 0) pushState(mv, ts);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, direct ? "monitorAfter" : "syncEnter",
                    ts >= 0 ? withState("(Ljava/lang/Object;I)V") : "(Ljava/lang/Object;I)V", false);
            super.visitLabel(start);
        }

        /** Pushes the monitor: the class (static) or {@code this}. */
        private void monitor() {
            if (isStatic) super.visitLdcInsn(org.objectweb.asm.Type.getObjectType(owner));
            else super.visitVarInsn(Opcodes.ALOAD, 0);
        }

        @Override
        public void visitLineNumber(int line, Label at) {
            if (!lineSet) {
                Sites.line(site, line);
                super.visitLineNumber(line, prologue); // a thread blocked on entry stands on the method's first line
                lineSet = true;
            }
            super.visitLineNumber(line, at);
        }

        @Override
        public void visitFrame(int type, int nLocal, Object[] local, int nStack, Object[] stack) {
            framesSeen = true;
            super.visitFrame(type, nLocal, local, nStack, stack);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) exit(ts);
            super.visitInsn(opcode);
        }

        /**
         * monitorExit(monitor) when direct, else syncExit(site); with the thread state when {@code local}
         * is its local (the handler looks it up: -1).
         */
        private void exit(int local) {
            if (direct) {
                monitor();
                if (local >= 0) pushState(mv, local);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "monitorExit",
                        local >= 0 ? withState("(Ljava/lang/Object;)V") : "(Ljava/lang/Object;)V", false);
                return;
            }
            super.visitLdcInsn(site);
            if (local >= 0) pushState(mv, local);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "syncExit", local >= 0 ? withState("(I)V") : "(I)V", false);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitLabel(end);
            super.visitTryCatchBlock(start, end, handler, null);
            super.visitLabel(handler);
            if (version >= Opcodes.V1_7 || (version == Opcodes.V1_6 && framesSeen)) {
                Object[] locals = direct && !isStatic ? new Object[] {owner} : new Object[0];
                super.visitFrame(expand ? Opcodes.F_NEW : Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            exit(-1);
            super.visitInsn(Opcodes.ATHROW);
            super.visitMaxs(Math.max(maxStack, 2) + 2, maxLocals);
        }
    }

    /**
     * Who runs which task, in the JDK classes themselves (code only: no field or method is added).
     * FutureTask: {@code run()} names the runner, {@code set/setException} the completion.
     * CompletableFuture's AsyncSupply/AsyncRun ({@code supplyAsync}/{@code runAsync}, any executor):
     * {@code run()} names the runner of the future it completes ({@code dep}, read before run clears
     * it) until it returns. ForkJoinTask: {@code doExec()} names the runner of the task it executes.
     */
    private static byte[] tasks(String className, byte[] bytes) {
        ClassReader cr = new ClassReader(bytes);
        ClassWriter cw = new ClassWriter(cr, 0);
        cr.accept(new ClassVisitor(Opcodes.ASM9, cw) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, ex);
                boolean async = className.equals(ASYNC_SUPPLY) || className.equals(ASYNC_RUN);
                String hook;
                if (className.equals(FUTURE_TASK)) {
                    hook = name.equals("run") && desc.equals("()V") ? "taskStart"
                            : (name.equals("set") || name.equals("setException")) ? "taskDone" : null;
                } else if (async) {
                    hook = name.equals("run") && desc.equals("()V") ? "taskStart" : null;
                } else {
                    hook = name.equals("doExec") && desc.equals("()I") ? "taskStart" : null;
                }
                if (hook == null) return mv;
                boolean ends = async || className.equals(FORK_JOIN_TASK);
                int site = hook.equals("taskDone") ? Sites.add(className, name,
                        className.substring(className.lastIndexOf('/') + 1).replaceAll("\\$.*", "") + ".java", 0, null) : 0;
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                        if (async) {
                            super.visitFieldInsn(Opcodes.GETFIELD, className, "dep", "Ljava/util/concurrent/CompletableFuture;");
                        }
                        if (site != 0) {
                            super.visitLdcInsn(site);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, hook, "(Ljava/lang/Object;I)V", false);
                        } else {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, hook, "(Ljava/lang/Object;)V", false);
                        }
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        if (ends && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "taskEnd", "()V", false);
                        }
                        super.visitInsn(opcode);
                    }

                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        super.visitMaxs(Math.max(maxStack, 2), maxLocals);
                    }
                };
            }
        }, 0);
        return cw.toByteArray();
    }
}
