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

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain pd, byte[] bytes) {
        try {
            if (className == null) return null;
            if (className.equals(FUTURE_TASK)) return futureTask(bytes);
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
        ClassWriter cw = new ClassWriter(cr, 0);
        boolean[] changed = {false};
        cr.accept(new ClassVisitor(Opcodes.ASM9, cw) {
            String source;

            @Override
            public void visitSource(String s, String debug) {
                source = s;
                super.visitSource(s, debug);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, ex);
                return new CallSites(mv, className, name, source, changed);
            }
        }, 0);
        return changed[0] ? cw.toByteArray() : null;
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

        CallSites(MethodVisitor mv, String owner, String method, String source, boolean[] changed) {
            super(Opcodes.ASM9, mv);
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
        public void visitLineNumber(int l, Label start) {
            line = l;
            super.visitLineNumber(l, start);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            namedSite = 0;
            if (opcode == Opcodes.NEW && Redirects.ALLOCATED.contains(type)) pendingNew++;
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String fOwner, String name, String desc) {
            if (namedSite != 0 && (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC)) {
                Sites.nameField(namedSite, fOwner, name);
            }
            namedSite = 0;
            super.visitFieldInsn(opcode, fOwner, name, desc);
        }

        @Override
        public void visitMethodInsn(int opcode, String mOwner, String name, String desc, boolean itf) {
            namedSite = 0;
            if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
                Redirects.Target t = Redirects.find(mOwner, name, desc);
                if (t != null) {
                    super.visitLdcInsn(site(mOwner, name));
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, t.name(), t.desc(), false);
                    return;
                }
            }
            super.visitMethodInsn(opcode, mOwner, name, desc, itf);
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
            namedSite = 0;
            if (opcode == Opcodes.MONITORENTER) {
                int s = site();
                super.visitInsn(Opcodes.DUP);
                super.visitInsn(Opcodes.DUP);
                super.visitLdcInsn(s);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "monitorBefore", "(Ljava/lang/Object;I)V", false);
                super.visitInsn(Opcodes.MONITORENTER);
                super.visitLdcInsn(s);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "monitorAfter", "(Ljava/lang/Object;I)V", false);
                return;
            }
            if (opcode == Opcodes.MONITOREXIT) {
                changed[0] = true;
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, "monitorExit", "(Ljava/lang/Object;)V", false);
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            namedSite = 0;
            super.visitVarInsn(opcode, var);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 4, maxLocals);
        }
    }

    /** FutureTask: run() says which thread runs the task, set/setException that it completes it. */
    private static byte[] futureTask(byte[] bytes) {
        ClassReader cr = new ClassReader(bytes);
        ClassWriter cw = new ClassWriter(cr, 0);
        cr.accept(new ClassVisitor(Opcodes.ASM9, cw) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, ex);
                String hook = name.equals("run") && desc.equals("()V") ? "taskStart"
                        : (name.equals("set") || name.equals("setException")) ? "taskDone" : null;
                if (hook == null) return mv;
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, Redirects.HOOKS, hook, "(Ljava/lang/Object;)V", false);
                    }

                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        super.visitMaxs(Math.max(maxStack, 1), maxLocals);
                    }
                };
            }
        }, 0);
        return cw.toByteArray();
    }
}
