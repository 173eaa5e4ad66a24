package lockcheck.samples.runtime;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link LockOrderInversion} in a child-first class loader over the whole class path (the way
 * PowerMock's and some app servers' loaders work), which defines its own copy of every class it can
 * find, before asking its parent. The agent's hook classes must not be among them: the rewritten
 * code has to reach the one tracker in the bootstrap loader, or the LC204 of this run is lost.
 */
public final class ChildFirstLoader extends URLClassLoader {
    ChildFirstLoader(URL[] urls) {
        super(urls, ChildFirstLoader.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && !name.startsWith("java.")) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    c = null;
                }
            }
            if (c == null) c = super.loadClass(name, false);
            if (resolve) resolveClass(c);
            return c;
        }
    }

    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) urls.add(new File(p).toURI().toURL());
        try (ChildFirstLoader loader = new ChildFirstLoader(urls.toArray(URL[]::new))) {
            Class<?> c = loader.loadClass(LockOrderInversion.class.getName());
            if (c.getClassLoader() != loader) throw new IllegalStateException("not loaded child-first");
            c.getMethod("main", String[].class).invoke(null, (Object) args);
        }
    }
}
