package dev.lockcheck.agent;

import java.util.Arrays;

/**
 * Call sites the transformer rewrote, by id (0: unknown). A site is a frame: class, method, file,
 * line; an allocation site may also know the field the new lock was stored in.
 */
public final class Sites {
    public record Site(String className, String method, String file, int line, String field) {
        public String frame() {
            return className + "." + method + "(" + (file == null ? "Unknown Source" : file) + ":" + line + ")";
        }

        /** Source path of the class, as the report's location.file: package path + file name. */
        public String path() {
            int dot = className.lastIndexOf('.');
            String dir = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
            String f = file != null ? file : className.substring(dot + 1).replaceAll("\\$.*", "") + ".java";
            return dir + f;
        }

        public String shortPlace() {
            return (file == null ? className : file) + ":" + line;
        }
    }

    private static Site[] sites = new Site[1024];
    private static int next = 1;

    private Sites() {
    }

    public static synchronized int add(String internalClass, String method, String file, int line) {
        if (next == sites.length) sites = Arrays.copyOf(sites, next * 2);
        sites[next] = new Site(internalClass.replace('/', '.'), method, file, line, null);
        return next++;
    }

    public static synchronized void nameField(int id, String internalOwner, String field) {
        Site s = sites[id];
        if (s != null) sites[id] = new Site(s.className, s.method, s.file, s.line, internalOwner.replace('/', '.') + "." + field);
    }

    public static synchronized Site get(int id) {
        return id > 0 && id < next ? sites[id] : null;
    }
}
