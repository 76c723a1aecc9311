package dev.verifiedschema.migrate;

import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A script that waits on another session, or never ends, fails naming its line instead of hanging the build. */
@ExtendWith(TestServer.class)
class SessionTimeoutsTest {
    private PostgresServer server;

    @BeforeEach
    void sharedServer(PostgresServer server) {
        this.server = server;
    }

    private static void write(Path dir, String name, String sql) throws Exception {
        Files.writeString(dir.resolve(name), sql);
    }

    private static MigrationSet base(Path dir) throws Exception {
        write(dir, "V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        write(dir, "U1__accounts.sql", "DROP TABLE accounts;\n");
        return MigrationSet.load(List.of("filesystem:" + dir));
    }

    @Test
    void everySessionOfTheStairwayStartsWithTheDefaultTimeouts(@TempDir Path dir) throws Exception {
        write(dir, "V2__check.sql", """
                DO $$ BEGIN
                  IF current_setting('lock_timeout') <> '30s' OR current_setting('statement_timeout') <> '10min' THEN
                    RAISE EXCEPTION 'timeouts are % and %', current_setting('lock_timeout'), current_setting('statement_timeout');
                  END IF;
                END $$;
                """);
        write(dir, "U2__check.sql", """
                DO $$ BEGIN
                  IF current_setting('lock_timeout') <> '30s' THEN RAISE EXCEPTION 'undo without lock_timeout'; END IF;
                END $$;
                """);
        String database = server.createDatabase(null);
        try {
            StairwayReport report = Stairway.of(base(dir)).run(server.dataSource(database));
            assertThat(report.passed()).as(report.describe()).isTrue();
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void aPoolsConnectionsGoBackWithoutTheStairwaysTimeouts(@TempDir Path dir) throws Exception {
        String database = server.createDatabase(null);
        javax.sql.DataSource target = server.dataSource(database);
        java.util.Deque<Connection> idle = new java.util.ArrayDeque<>();
        java.util.List<Connection> physical = new java.util.ArrayList<>();
        // a pool as small as can be: close hands a connection back, and the next caller gets it again
        javax.sql.DataSource pool = new DelegatingDataSource(target) {
            @Override
            public synchronized Connection getConnection() throws java.sql.SQLException {
                return lend(idle.isEmpty() ? target.getConnection() : idle.pop());
            }

            @Override
            public synchronized Connection getConnection(String user, String password) throws java.sql.SQLException {
                return lend(target.getConnection(user, password)); // other credentials: a physical connection of its own
            }

            /** The physical connection, whose close hands it back to the pool. */
            private Connection lend(Connection c) {
                if (!physical.contains(c)) {
                    physical.add(c);
                }
                return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("close")) {
                                synchronized (this) {
                                    idle.push(c);
                                }
                                return null;
                            }
                            try {
                                return method.invoke(c, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        try {
            assertThat(Stairway.of(base(dir)).run(pool).passed()).isTrue();

            assertThat(physical).isNotEmpty();
            for (Connection c : physical) {
                try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                        "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")) {
                    rs.next();
                    assertThat(rs.getString(1) + " " + rs.getString(2)).as("the server's defaults again").isEqualTo("0 0");
                }
            }
        } finally {
            for (Connection c : physical) {
                c.close();
            }
            server.dropDatabase(database);
        }
    }

    @Test
    void aForwardScriptWaitingOnALockAnotherSessionHoldsFailsNamingItsLine(@TempDir Path dir) throws Exception {
        write(dir, "V2__waits.sql", "ALTER TABLE accounts ADD COLUMN plan text;\nSELECT pg_advisory_lock(4242);\n");
        write(dir, "U2__waits.sql", "ALTER TABLE accounts DROP COLUMN plan;\n");
        String database = server.createDatabase(null);
        try (Connection other = server.dataSource(database).getConnection(); Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(4242)");
            long started = System.nanoTime();

            StairwayException e = catchThrowableOfType(StairwayException.class, () -> Stairway.of(base(dir))
                    .withTimeouts(new SessionTimeouts(Duration.ofMillis(300), Duration.ofMinutes(1)))
                    .run(server.dataSource(database)));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(e).isNotNull();
            assertThat(e.report().failures().get(0).message()).contains("V2__waits.sql line 2",
                    "canceling statement due to lock timeout", "(SQLState 55P03)",
                    "waited longer than lock_timeout for a lock another session holds", "verifiedschema.lockTimeout");
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void anUndoThatNeverEndsFailsOnTheStatementTimeout(@TempDir Path dir) throws Exception {
        write(dir, "V2__plan.sql", "ALTER TABLE accounts ADD COLUMN plan text;\n");
        write(dir, "U2__plan.sql", "ALTER TABLE accounts DROP COLUMN plan;\n\nSELECT pg_sleep(600);\n");
        String database = server.createDatabase(null);
        try {
            StairwayException e = catchThrowableOfType(StairwayException.class, () -> Stairway.of(base(dir))
                    .withTimeouts(new SessionTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500)))
                    .run(server.dataSource(database)));

            assertThat(e).isNotNull();
            assertThat(e.report().failures().get(0).message()).contains("U2__plan.sql line 3",
                    "canceling statement due to statement timeout", "ran longer than statement_timeout",
                    "verifiedschema.statementTimeout");
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void durationsAreReadAsASettingIsWritten() {
        assertThat(SessionTimeouts.parse("x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SessionTimeouts.parse("x", " 30s ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SessionTimeouts.parse("x", "45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(SessionTimeouts.parse("x", "10min")).isEqualTo(Duration.ofMinutes(10));
        assertThat(SessionTimeouts.parse("x", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(SessionTimeouts.parse("x", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(SessionTimeouts.parse("x", "PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(SessionTimeouts.parse("x", "0")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> SessionTimeouts.parse("verifiedschema.lockTimeout", "soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("verifiedschema.lockTimeout is 'soon', which is not a duration; write it as 500ms, 30s, "
                        + "10min or 1h (0 for no limit; at most 24 days, PostgreSQL's limit)");
        assertThatThrownBy(() -> SessionTimeouts.parse("x", "-PT1S")).isInstanceOf(IllegalArgumentException.class);
        // PostgreSQL's timeouts are int milliseconds: beyond that every SET would fail, and 0.1 ms would mean no limit
        assertThatThrownBy(() -> SessionTimeouts.parse("x", "1000h")).hasMessageContaining("at most 24 days");
        assertThatThrownBy(() -> SessionTimeouts.parse("x", "99999999999999999999")).hasMessageStartingWith("x is '");
        assertThatThrownBy(() -> SessionTimeouts.parse("x", "PT0.0001S")).isInstanceOf(IllegalArgumentException.class);
    }
}
