package dev.lockcheck.agent;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Entry point ({@code Premain-Class} and {@code Agent-Class}). Before anything else touches the hook
 * classes, it copies {@code dev/lockcheck/agent/boot/*} into a small jar on the bootstrap class path,
 * so JDK classes and classes of every class loader (Maven's realms, app servers) see one tracker.
 * The rest of the agent is reached reflectively, after that, from the agent jar's class loader.
 */
public final class Agent {
    private static final String BOOT = "dev/lockcheck/agent/boot/";
    /**
     * Where the jar keeps the hook classes: not under their class names, so no class loader but
     * the bootstrap one (which the agent defines them in) can load a copy of its own.
     */
    private static final String HIDDEN = "META-INF/lockcheck-boot/";
    /**
     * The hook classes' simple names, looked up by name: enumerating the jar's 1,300 entries to find
     * them took about 25 ms of the application's start. {@code AgentTest} holds this list equal to
     * the build's {@code boot} directory; were one missing from the jar, the entries are enumerated.
     */
    static final String[] BOOT_CLASSES = {
        "Hooks", "Hooks$1", "Hooks$Allocations", "Hooks$Clock", "Keys", "Sink", "ThreadState", "ThreadState$Log",
        "ThreadState$Ring", "ThreadState$Edges",
    };

    private Agent() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    private static synchronized void start(String args, Instrumentation inst, boolean attached) {
        try {
            if (!bootLoaded()) {
                File agentJar = new File(Agent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!defineInBootLoader(inst, agentJar)) {
                    inst.appendToBootstrapClassLoaderSearch(new JarFile(bootJar(agentJar)));
                }
            }
            Class.forName("dev.lockcheck.agent.AgentMain")
                    .getMethod("start", String.class, Instrumentation.class, boolean.class)
                    .invoke(null, args, inst, attached);
        } catch (Throwable t) {
            Throwable c = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
            System.err.println("lockcheck agent: not started: " + c);
        }
    }

    /**
     * Defines the hook classes in the bootstrap loader directly (jdk.internal.misc.Unsafe, exported to
     * the agent for this): unlike appending a jar to the boot class path, this leaves class data
     * sharing on and prints no VM warning. False if the JDK does not allow it.
     */
    private static boolean defineInBootLoader(Instrumentation inst, File agentJar) {
        try {
            inst.redefineModule(Object.class.getModule(), java.util.Set.of(),
                    java.util.Map.of("jdk.internal.misc", java.util.Set.of(Agent.class.getModule())),
                    java.util.Map.of(), java.util.Set.of(), java.util.Map.of());
            Class<?> u = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = u.getMethod("getUnsafe").invoke(null);
            java.lang.reflect.Method define = u.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                    ClassLoader.class, java.security.ProtectionDomain.class);
            for (java.util.Map.Entry<String, byte[]> c : bootClasses(agentJar).entrySet()) {
                byte[] b = c.getValue();
                define.invoke(unsafe, c.getKey(), b, 0, b.length, null, null);
            }
            return bootLoaded();
        } catch (Throwable t) {
            return false;
        }
    }

    /** The hook classes by name, from the agent jar (or a class directory, when run from a build tree). */
    private static java.util.Map<String, byte[]> bootClasses(File from) throws java.io.IOException {
        java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        if (from.isDirectory()) {
            File[] files = new File(from, BOOT).listFiles((d, n) -> n.endsWith(".class"));
            if (files != null) {
                for (File f : files) {
                    String n = BOOT + f.getName();
                    out.put(n.substring(0, n.length() - 6).replace('/', '.'), Files.readAllBytes(f.toPath()));
                }
            }
            return out;
        }
        try (JarFile in = new JarFile(from)) {
            for (String c : BOOT_CLASSES) {
                JarEntry je = in.getJarEntry(HIDDEN + BOOT + c + ".class");
                if (je == null) {
                    out.clear();
                    break;
                }
                try (InputStream is = in.getInputStream(je)) {
                    out.put((BOOT + c).replace('/', '.'), is.readAllBytes());
                }
            }
            if (!out.isEmpty()) return out;
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                JarEntry je = e.nextElement();
                String n = je.getName();
                if (n.startsWith(HIDDEN)) n = n.substring(HIDDEN.length()); // else a jar built without hiding them
                if (!n.startsWith(BOOT) || !n.endsWith(".class")) continue;
                try (InputStream is = in.getInputStream(je)) {
                    out.put(n.substring(0, n.length() - 6).replace('/', '.'), is.readAllBytes());
                }
            }
        }
        return out;
    }

    private static boolean bootLoaded() {
        try {
            Class.forName("dev.lockcheck.agent.boot.Hooks", false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static File bootJar(File agentJar) throws Exception {
        File out = File.createTempFile("lockcheck-boot", ".jar");
        out.deleteOnExit();
        try (JarFile in = new JarFile(agentJar);
             OutputStream fo = Files.newOutputStream(out.toPath());
             JarOutputStream jo = new JarOutputStream(fo)) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                JarEntry je = e.nextElement();
                String n = je.getName().startsWith(HIDDEN) ? je.getName().substring(HIDDEN.length()) : je.getName();
                if (!n.startsWith(BOOT) || je.isDirectory()) continue;
                jo.putNextEntry(new JarEntry(n));
                try (InputStream is = in.getInputStream(je)) {
                    is.transferTo(jo);
                }
                jo.closeEntry();
            }
        }
        return out;
    }
}
