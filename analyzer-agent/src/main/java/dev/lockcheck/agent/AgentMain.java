package dev.lockcheck.agent;

import dev.lockcheck.agent.boot.Hooks;
import dev.lockcheck.agent.boot.Sink;
import dev.lockcheck.agent.boot.ThreadState;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** Starts the agent once the hook classes are on the bootstrap class path (see {@link Agent}). */
public final class AgentMain implements Sink, Hooks.Allocations {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final PrintStream ERR = System.err;
    private static volatile AgentMain instance;

    private final Options options;
    private final Reporter reporter;
    private final Watchdog watchdog;
    private final ReadToWriteUpgrade upgrade;
    private final NonReentrantReacquire reacquire;

    private AgentMain(Options options) {
        this.options = options;
        this.reporter = new Reporter(options, ERR);
        this.watchdog = new Watchdog(options, reporter);
        this.upgrade = new ReadToWriteUpgrade(reporter, watchdog.live, options);
        this.reacquire = new NonReentrantReacquire(reporter, watchdog.live, options);
    }

    /** System property naming the options of the running agent: {@code lockcheck attach} reads it before loading again. */
    public static final String RUNNING_PROPERTY = "lockcheck.agent.options";

    public static void start(String args, Instrumentation inst, boolean attached) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            ERR.println("lockcheck agent: bad options '" + args + "': " + e.getMessage() + "; agent not started");
            return;
        }
        if (!STARTED.compareAndSet(false, true)) {
            ERR.println("lockcheck agent: already running in this JVM (options '"
                    + System.getProperty(RUNNING_PROPERTY, "") + "'); the new options '" + (args == null ? "" : args)
                    + "' are ignored");
            return;
        }
        String unwritable = unwritable(options.report());
        if (unwritable != null) {
            ERR.println("lockcheck agent: cannot write the report " + options.report() + " (" + unwritable
                    + "); findings go to standard error only");
        }
        System.setProperty(RUNNING_PROPERTY, args == null ? "" : args);
        openJdkPackages(inst);
        AgentMain m = new AgentMain(options);
        instance = m;
        Hooks.stormThreshold = options.storm();
        Hooks.sink = m;
        inst.addTransformer(new Transformer(), true);
        // -Dlockcheck.record=false: every call site rewritten and every hook called, nothing recorded
        // (for measuring what interception alone costs: bench-agent/README.md, "the floor")
        if ("false".equals(System.getProperty("lockcheck.record"))) {
            ERR.println("lockcheck agent: lockcheck.record=false: call sites instrumented, nothing recorded or reported");
        } else {
            Hooks.on = true;
        }
        retransform(inst, attached);
        Thread w = new Thread(m.watchdog, "lockcheck-watchdog");
        w.setDaemon(true);
        w.start();
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() { // not m::atExit: no lambda to link at start
            @Override
            public void run() {
                m.atExit();
            }
        }, "lockcheck-exit"));
    }

    /** Why the report cannot be written there (its directory cannot be made or written), or null. */
    static String unwritable(String report) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(report).toAbsolutePath();
            if (java.nio.file.Files.isDirectory(p)) return "it is a directory";
            java.nio.file.Path dir = p.getParent();
            if (dir == null) return null;
            java.nio.file.Files.createDirectories(dir);
            if (!java.nio.file.Files.isWritable(dir)) return "directory " + dir + " is not writable";
            if (java.nio.file.Files.exists(p) && !java.nio.file.Files.isWritable(p)) return "the file is not writable";
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static void openJdkPackages(Instrumentation inst) {
        Module base = Object.class.getModule();
        Set<Module> to = Set.of(Hooks.class.getModule(), AgentMain.class.getModule());
        inst.redefineModule(base, Set.of(), Map.of(),
                Map.of("java.util.concurrent.locks", to, "java.util.concurrent", to,
                        "java.lang", Set.of(Hooks.class.getModule())), Set.of(), Map.of());
    }

    private static void retransform(Instrumentation inst, boolean attached) {
        List<Class<?>> todo = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (Transformer.TASK_CLASSES.contains(c.getName().replace('.', '/'))) {
                todo.add(c);
            } else if (attached && c.getClassLoader() != null && !c.isArray() && !c.isHidden()
                    && !Transformer.skipped(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
                todo.add(c);
            }
        }
        for (Class<?> c : todo) {
            try {
                inst.retransformClasses(c);
            } catch (Throwable t) {
                warnOnce("could not retransform " + c.getName() + ": " + t);
            }
        }
    }

    private void atExit() {
        try {
            Hooks.markInternal();
            watchdog.stop();
            watchdog.last();
        } catch (Throwable t) {
            stepAside(t);
        }
        reporter.write();
    }

    /** onDeadlock=exit: the report is written; stop the JVM so a hung CI job fails fast. */
    static void halt(Reporter reporter) {
        reporter.write();
        ERR.println("lockcheck agent: deadlock found, halting with status " + Options.EXIT_STATUS
                + " (onDeadlock=exit); report: " + instance.options.report());
        ERR.flush();
        Runtime.getRuntime().halt(Options.EXIT_STATUS);
    }

    @Override
    public void immediate(String ruleId, ThreadState ts, int heldIndex, Object key, int askedMode, int site) {
        try {
            (ruleId.equals("LC203") ? upgrade : reacquire).fire(ts, heldIndex, key, askedMode, site);
        } catch (Throwable t) {
            stepAside(t);
        }
    }

    @Override
    public void halting() {
        atExit();
    }

    @Override
    public void allocated(Object lock, int site) {
        Names.allocated(dev.lockcheck.agent.boot.Keys.keyOfNew(lock), site);
    }

    @Override
    public void failed(Throwable t) {
        stepAside(t);
    }

    /** A failure inside the agent: said once, then the tracker steps aside; the application goes on. */
    static void stepAside(Throwable t) {
        Hooks.on = false;
        if (WARNED.compareAndSet(false, true)) {
            ERR.println("lockcheck agent: internal failure, tracking stopped: " + t);
            StackTraceElement[] st = t.getStackTrace();
            for (int i = 0; i < Math.min(8, st.length); i++) ERR.println("    at " + st[i]);
        }
    }

    static void warnOnce(String message) {
        if (Boolean.getBoolean("lockcheck.debug")) ERR.println("lockcheck agent: " + message);
    }
}
