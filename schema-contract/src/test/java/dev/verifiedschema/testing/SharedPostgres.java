package dev.verifiedschema.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server for the whole test JVM, started on first use and stopped by a
 * shutdown hook. Every test gets its own fresh database from {@link #freshDatabase()}.
 */
public final class SharedPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile EmbeddedPostgres server;

    private SharedPostgres() {
    }

    /** The shared server, started on first call. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is ending; nothing more can be done
                    }
                }, "stop-embedded-postgres"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL for the tests", e);
            }
        }
        return server;
    }

    /** A new, empty database on the shared server, owned by {@code postgres}. */
    public static DataSource freshDatabase() {
        String name = "t_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(server().getPostgresDatabase(), "CREATE DATABASE " + name);
        return server().getDatabase("postgres", name);
    }

    /** Runs each statement on its own, in auto-commit mode. */
    public static void execute(DataSource db, String... statements) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }
}
