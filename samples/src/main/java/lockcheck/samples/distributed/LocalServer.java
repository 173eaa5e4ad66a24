package lockcheck.samples.distributed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} or {@code etcd} process for the demonstrations: bound to 127.0.0.1 on a
 * free port, data in a fresh temporary directory, stopped and deleted by {@link #close()}.
 * Nothing here takes a lock; it only starts and stops servers.
 */
public final class LocalServer implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 15_000;

    private final String name;
    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int port;

    private LocalServer(String name, Process process, Path dataDir, Path log, int port) {
        this.name = name;
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The executable on PATH (or in /usr/bin, /usr/local/bin), if installed. */
    public static Optional<Path> findBinary(String executable) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        dirs.add("/usr/bin");
        dirs.add("/usr/local/bin");
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** redis-server on a free loopback port, no persistence. */
    public static LocalServer startRedis() throws IOException {
        Path binary = findBinary("redis-server").orElseThrow(() -> new IOException("redis-server is not installed"));
        Path dir = Files.createTempDirectory("lockcheck-redis-");
        int port = freePort();
        List<String> cmd = List.of(binary.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--logfile", "");
        LocalServer server = start("redis-server", cmd, dir, port);
        server.awaitReady(() -> redisPing(port));
        return server;
    }

    /** A single-member etcd on free loopback client and peer ports, data in a temp dir. */
    public static LocalServer startEtcd() throws IOException {
        Path binary = findBinary("etcd").orElseThrow(() -> new IOException("etcd is not installed"));
        Path dir = Files.createTempDirectory("lockcheck-etcd-");
        int port = freePort();
        int peer = freePort();
        String client = "http://127.0.0.1:" + port;
        String peerUrl = "http://127.0.0.1:" + peer;
        List<String> cmd = List.of(binary.toString(),
                "--name", "lockcheck", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                "--initial-cluster", "lockcheck=" + peerUrl, "--initial-cluster-state", "new",
                "--log-level", "error");
        LocalServer server = start("etcd", cmd, dir, port);
        server.awaitReady(() -> etcdHealthy(port));
        return server;
    }

    private static LocalServer start(String name, List<String> cmd, Path dir, int port) throws IOException {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (System.getProperty("os.arch").contains("aarch64")) {
            pb.environment().put("ETCD_UNSUPPORTED_ARCH", "arm64"); // etcd 3.4 refuses arm64 without it
        }
        return new LocalServer(name, pb.start(), dir, log, port);
    }

    private interface Probe {
        boolean ready() throws IOException;
    }

    private void awaitReady(Probe probe) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String out = tail();
                close();
                throw new IOException(name + " exited with " + process.exitValue() + " before it was ready:\n" + out);
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IOException("interrupted while starting " + name, e);
            }
        }
        String out = tail();
        close();
        throw new IOException(name + " not ready after " + START_TIMEOUT_MS + " ms on port " + port + ":\n" + out);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean redisPing(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[16];
            InputStream in = s.getInputStream();
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
    }

    private static boolean etcdHealthy(int port) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(1000);
        try (InputStream in = c.getInputStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return c.getResponseCode() == 200 && body.contains("true");
        } finally {
            c.disconnect();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp dir is harmless
        }
    }
}
