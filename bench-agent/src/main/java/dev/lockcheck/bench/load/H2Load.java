package dev.lockcheck.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * A real multi-threaded application from Maven Central under load: an embedded H2 database (file
 * mode, MVStore, in a fresh temporary directory) and CLIENTS JDBC clients, each on its own
 * connection, doing a fixed number of operations in all: 60 % select by key, 25 % update by key,
 * 10 % insert, 5 % a small range aggregate; autocommit. H2's own classes are application classes,
 * so the agent instruments their locks and monitors. Prints {@code h2 clients=N ops=M ms=T} (the
 * timed part: the load, after the schema and 20,000 seed rows). Usage: {@code H2Load CLIENTS TOTAL_OPS}.
 */
public final class H2Load {
    static final int ROWS = 20_000;

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        long total = Long.parseLong(args[1]);
        long each = total / clients;
        Path dir = Files.createTempDirectory("lockcheck-h2-");
        String url = "jdbc:h2:" + dir.resolve("bench").toAbsolutePath() + ";LOCK_TIMEOUT=10000";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table account(id int primary key, owner varchar(40), balance bigint, version int)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("insert into account values(?, ?, ?, 0)")) {
                for (int i = 0; i < ROWS; i++) {
                    p.setInt(1, i);
                    p.setString(2, "owner-" + i);
                    p.setLong(3, 1000);
                    p.addBatch();
                    if (i % 1000 == 999) p.executeBatch();
                }
                p.executeBatch();
            }
            c.commit();
            CountDownLatch go = new CountDownLatch(1);
            Thread[] ts = new Thread[clients];
            Throwable[] failed = new Throwable[1];
            for (int t = 0; t < clients; t++) {
                int id = t;
                ts[t] = new Thread(() -> {
                    try {
                        client(url, id, clients, each, go);
                    } catch (Throwable e) {
                        failed[0] = e;
                    }
                }, "h2-client-" + t);
                ts[t].start();
            }
            long t0 = System.nanoTime();
            go.countDown();
            for (Thread t : ts) t.join();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (failed[0] != null) throw new IllegalStateException("a client failed", failed[0]);
            System.out.println("h2 clients=" + clients + " ops=" + each * clients + " ms=" + ms);
            try (Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void client(String url, int id, int clients, long n, CountDownLatch go) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement select = c.prepareStatement("select owner, balance from account where id = ?");
             PreparedStatement update = c.prepareStatement("update account set balance = balance + ?, version = version + 1 where id = ?");
             PreparedStatement insert = c.prepareStatement("insert into account values(?, ?, ?, 0)");
             PreparedStatement range = c.prepareStatement("select count(*), sum(balance) from account where id between ? and ?")) {
            go.await();
            int x = 0x9E3779B9 * (id + 1) | 1;
            int nextId = ROWS + id;
            long acc = 0;
            for (long i = 0; i < n; i++) {
                x ^= x << 13;
                x ^= x >>> 17;
                x ^= x << 5;
                int r = (x >>> 1) % 100;
                int key = (x >>> 3) % ROWS;
                if (r < 60) {
                    select.setInt(1, key);
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) acc += rs.getLong(2);
                    }
                } else if (r < 85) {
                    update.setLong(1, 1);
                    update.setInt(2, key);
                    acc += update.executeUpdate();
                } else if (r < 95) {
                    insert.setInt(1, nextId);
                    insert.setString(2, "new-" + nextId);
                    insert.setLong(3, 0);
                    acc += insert.executeUpdate();
                    nextId += clients;
                } else {
                    range.setInt(1, key);
                    range.setInt(2, key + 50);
                    try (ResultSet rs = range.executeQuery()) {
                        if (rs.next()) acc += rs.getLong(1);
                    }
                }
            }
            if (acc == 42) System.out.print("");
        }
    }
}
