package dev.verifiedschema.health;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The health check against a scripted connection (no database): which calls it makes on the
 * caller's connection, how it reads catalog rows, and its messages.
 */
class SchemaHealthCheckMutationTest {
    private static final Contract CONTRACT = ContractLoader.parse("""
            tables:
              users:
                columns: [id]
            """, "fake.yaml");

    /** A connection that records what is done to it and answers every query with the given rows. */
    static final class FakeConnection {
        final List<String> calls = new ArrayList<>();
        final List<Object[]> rows;
        boolean autoCommit;
        boolean readOnly;
        /** Thrown by every query after the first, when set. */
        SQLException failAfterFirstQuery;
        int queries;

        FakeConnection(boolean autoCommit, List<Object[]> rows) {
            this.autoCommit = autoCommit;
            this.rows = rows;
        }

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAutoCommit" -> autoCommit;
                        case "isReadOnly" -> readOnly;
                        case "setAutoCommit" -> {
                            autoCommit = (Boolean) args[0];
                            calls.add("setAutoCommit(" + args[0] + ")");
                            yield null;
                        }
                        case "setReadOnly" -> {
                            readOnly = (Boolean) args[0];
                            calls.add("setReadOnly(" + args[0] + ")");
                            yield null;
                        }
                        case "setSavepoint" -> {
                            calls.add("setSavepoint");
                            yield proxy(Savepoint.class, (p, m, a) -> null);
                        }
                        case "rollback" -> {
                            calls.add(args == null ? "rollback" : "rollback(savepoint)");
                            yield null;
                        }
                        case "releaseSavepoint" -> {
                            calls.add("releaseSavepoint");
                            yield null;
                        }
                        case "createStatement" -> proxy(Statement.class, (p, m, a) -> {
                            if (m.getName().equals("execute")) {
                                calls.add((String) a[0]);
                                return false;
                            }
                            return null;
                        });
                        case "prepareStatement" -> {
                            if (++queries > 1 && failAfterFirstQuery != null) {
                                throw failAfterFirstQuery;
                            }
                            yield proxy(PreparedStatement.class, (p, m, a) ->
                                    m.getName().equals("executeQuery") ? resultSet() : null);
                        }
                        case "close" -> {
                            calls.add("close");
                            yield null;
                        }
                        default -> null;
                    });
        }

        private ResultSet resultSet() {
            Iterator<Object[]> it = rows.iterator();
            Object[][] current = new Object[1][];
            return proxy(ResultSet.class, (p, m, a) -> switch (m.getName()) {
                case "next" -> {
                    current[0] = it.hasNext() ? it.next() : null;
                    yield current[0] != null;
                }
                case "getString" -> (String) current[0][(Integer) a[0] - 1];
                case "getBoolean" -> (Boolean) current[0][(Integer) a[0] - 1];
                default -> null;
            });
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
            return (T) Proxy.newProxyInstance(FakeConnection.class.getClassLoader(), new Class<?>[]{type}, handler);
        }
    }

    private static Object[] row(String table, String column, String type, boolean notNull, String def,
                                String identity) {
        return new Object[]{table, column, type, notNull, def, identity};
    }

    private static DataSource dataSource(Connection connection) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (p, m, a) -> m.getName().equals("getConnection") ? connection : null);
    }

    @Test
    void inAutoCommitTheCheckRunsInAReadOnlyTransactionAndRestoresBothSettings() {
        FakeConnection fake = new FakeConnection(true, List.<Object[]>of(row("users", "id", "bigint", true, null, "")));

        HealthReport report = SchemaHealthCheck.from(CONTRACT).withStatementTimeout(Duration.ofMillis(1))
                .check(fake.connection());

        assertThat(report.isHealthy()).isTrue();
        assertThat(fake.calls).containsExactly("setAutoCommit(false)", "setReadOnly(true)",
                "SET LOCAL statement_timeout = 1", "SET LOCAL search_path TO public, pg_catalog",
                "rollback", "setReadOnly(false)", "setAutoCommit(true)");
        assertThat(fake.autoCommit).isTrue();
        assertThat(fake.readOnly).isFalse();
    }

    @Test
    void inTheCallersTransactionTheCheckRunsInASavepointThatIsRolledBackAndReleased() {
        FakeConnection fake = new FakeConnection(false, List.<Object[]>of(row("users", "id", "bigint", true, null, null)));

        SchemaHealthCheck.from(CONTRACT).check(fake.connection());

        assertThat(fake.calls).containsExactly("setSavepoint", "SET LOCAL statement_timeout = 5000",
                "SET LOCAL search_path TO public, pg_catalog", "rollback(savepoint)", "releaseSavepoint");
    }

    @Test
    void theCheckTakesAsLongAsItRanAndNoLonger() {
        long before = System.nanoTime();
        HealthReport report = SchemaHealthCheck.from(CONTRACT)
                .check(new FakeConnection(true, List.of()).connection());
        long elapsed = System.nanoTime() - before;

        assertThat(report.took()).isBetween(Duration.ZERO, Duration.ofNanos(elapsed));
    }

    @Test
    void aTimeoutOfOneMillisecondIsAllowedAndLessIsNot() {
        assertThat(SchemaHealthCheck.from(CONTRACT).withStatementTimeout(Duration.ofMillis(1))).isNotNull();
        assertThatThrownBy(() -> SchemaHealthCheck.from(CONTRACT).withStatementTimeout(Duration.ofNanos(999_999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the statement timeout must be at least 1 ms, but was PT0.000999999S");
        assertThatThrownBy(() -> SchemaHealthCheck.from(CONTRACT).withStatementTimeout(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the statement timeout must be at least 1 ms, but was null");
    }

    @Test
    void withKeysAndIndexesASchemaThatDoesNotExistHasEveryTableMissing() {
        FakeConnection fake = new FakeConnection(true, List.of());

        HealthReport report = SchemaHealthCheck.from(CONTRACT).withKeysAndIndexes().check(fake.connection());

        assertThat(report.violations()).extracting(Object::toString)
                .containsExactly("users: missing table (expected columns id)");
    }

    @Test
    void aCatalogQueryThatFailsWhileReadingKeysAndIndexesIsExplainedByItsSqlState() {
        FakeConnection fake = new FakeConnection(true, List.<Object[]>of(new Object[]{"1"}));
        fake.failAfterFirstQuery = new SQLException("canceling statement due to statement timeout", "57014");

        assertThatThrownBy(() -> SchemaHealthCheck.from(CONTRACT).withKeysAndIndexes().check(fake.connection()))
                .isInstanceOf(HealthCheckException.class)
                .hasMessage("The schema health check could not read the catalog of schema public: Cannot inspect "
                        + "schema \"public\": canceling statement due to statement timeout (the statement timeout was "
                        + "reached: raise it, or look for locks on the catalog)");
        assertThat(fake.calls).endsWith("rollback", "setReadOnly(false)", "setAutoCommit(true)");
    }

    @Test
    void anUnhealthySchemaThrowsWithTheWholeReport() {
        FakeConnection fake = new FakeConnection(true, List.of());

        assertThatThrownBy(() -> SchemaHealthCheck.from(CONTRACT).assertHealthy(dataSource(fake.connection())))
                .isInstanceOfSatisfying(SchemaUnhealthyException.class, e -> {
                    assertThat(e.report().violations()).extracting(Object::toString)
                            .containsExactly("users: missing table (expected columns id)");
                    assertThat(e.getMessage()).isEqualTo("The database schema does not match what the application "
                            + "needs. " + e.report().describe());
                });
        assertThat(fake.calls).endsWith("close");
    }

    @Test
    void aHealthySchemaIsReturnedByAssertHealthy() {
        FakeConnection fake = new FakeConnection(true, List.<Object[]>of(row("users", "id", "bigint", true, null, null)));

        HealthReport report = SchemaHealthCheck.from(CONTRACT).assertHealthy(dataSource(fake.connection()));

        assertThat(report.isHealthy()).isTrue();
        assertThat(report.describe()).isEqualTo("Schema public honours the contract fake.yaml.");
    }

    @Test
    void catalogRowsBecomeColumnsWithTheirIdentityKind() throws SQLException {
        FakeConnection fake = new FakeConnection(true, List.of(
                row("users", "id", "bigint", true, null, "a"),
                row("users", "n", "integer", true, null, "d"),
                row("users", "e", "text", false, "'x'::text", ""),
                row("users", "f", "text", true, null, null),
                row("empty", null, null, false, null, null)));

        SchemaSnapshot snapshot = CatalogColumns.read(fake.connection(), CONTRACT);

        assertThat(snapshot.schema()).isEqualTo("public");
        assertThat(snapshot.tables().keySet()).containsExactly("empty", "users");
        assertThat(snapshot.tables().get("empty").columns()).isEmpty();
        assertThat(snapshot.tables().get("users").columns()).isEqualTo(Map.of(
                "id", new Column("id", "bigint", false, null, "ALWAYS"),
                "n", new Column("n", "integer", false, null, "BY DEFAULT"),
                "e", new Column("e", "text", true, "'x'::text", null),
                "f", new Column("f", "text", false, null, null)));
    }

    @Test
    void aGlobBecomesALikePatternWithLikesOwnWildcardsEscaped() {
        assertThat(CatalogColumns.likePattern("hm_*%?\\x")).isEqualTo("hm\\_%\\%_\\\\x");
    }

    @Test
    void aServerWithoutSslIsToldToDropSslmode() {
        assertThat(SqlStateAdvice.of(new SQLException("The server does not support SSL.", "08004"))).isEqualTo(
                " (the server does not accept SSL connections: drop sslmode=require from the URL, or turn ssl on in"
                        + " the server's configuration)");
    }

    @Test
    void anUnknownHostAnywhereInTheCausesIsNamed() {
        SQLException e = new SQLException("The connection attempt failed.", "08001",
                new RuntimeException("wrapped", new UnknownHostException("db.invalid")));

        assertThat(SqlStateAdvice.of(e)).isEqualTo(" (the host db.invalid is unknown: no DNS entry resolves it; check"
                + " the host name in the URL)");
    }

    @Test
    void aFailureWithoutAKnownCauseGoesBySqlState() {
        assertThat(SqlStateAdvice.of(new SQLException(null, "57014"))).isEqualTo(
                " (the statement timeout was reached: raise it, or look for locks on the catalog)");
        assertThat(Arrays.asList(SqlStateAdvice.of("3D000"), SqlStateAdvice.of("42501"), SqlStateAdvice.of("55006"),
                SqlStateAdvice.of("28000"), SqlStateAdvice.of("08006"))).containsExactly(
                " (the database does not exist: check the JDBC URL)",
                " (permission denied: grant the privilege, e.g. CREATEDB, or use another user)",
                " (another session is connected to the template; close it first)",
                " (the login was refused: check the user name and password)",
                " (the server cannot be reached: check host, port and that it is up)");
    }
}
