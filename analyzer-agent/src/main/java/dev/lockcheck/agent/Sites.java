package dev.lockcheck.agent;

import java.util.Arrays;

/**
 * Call sites the transformer rewrote, by id (0: unknown). A site is a frame: class, method, file,
 * line; an allocation site may also know the field the new lock was stored in.
 */
public final class Sites {
    /**
     * @param field the field a new lock was stored in ({@code Owner.name}), or null
     * @param call  the redirected call made there ({@code SynchronousQueue.put}), or null
     */
    public record Site(String className, String method, String file, int line, String field, String call) {
        public String frame() {
            return className + "." + method + "(" + (file == null ? "Unknown Source" : file) + (line > 0 ? ":" + line : "") + ")";
        }

        /** Source path of the class, as the report's location.file: package path + file name. */
        public String path() {
            int dot = className.lastIndexOf('.');
            String dir = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
            String f = file != null ? file : className.substring(dot + 1).replaceAll("\\$.*", "") + ".java";
            return dir + f;
        }

        public String shortPlace() {
            return line > 0 ? (file == null ? className : file) + ":" + line : className + "." + method;
        }
    }

    private static Site[] sites = new Site[1024];
    private static int next = 1;

    private Sites() {
    }

    public static synchronized int add(String internalClass, String method, String file, int line) {
        return add(internalClass, method, file, line, null);
    }

    public static synchronized int add(String internalClass, String method, String file, int line, String call) {
        if (next == sites.length) sites = Arrays.copyOf(sites, next * 2);
        sites[next] = new Site(internalClass.replace('/', '.'), method, file, line, null, call);
        return next++;
    }

    /** Sets the line of a site created before its first line number was read (a synchronized method's entry). */
    public static synchronized void line(int id, int line) {
        Site s = sites[id];
        if (s != null) sites[id] = new Site(s.className, s.method, s.file, line, s.field, s.call);
    }

    public static synchronized void nameField(int id, String internalOwner, String field) {
        Site s = sites[id];
        if (s != null) sites[id] = new Site(s.className, s.method, s.file, s.line, internalOwner.replace('/', '.') + "." + field, s.call);
    }

    public static synchronized Site get(int id) {
        return id > 0 && id < next ? sites[id] : null;
    }
}
