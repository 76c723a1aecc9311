package dev.verifiedschema.health;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.testing.SharedPostgres;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health check runs in production: every catalog query it sends must run in a read-only
 * transaction with its statement timeout in force. The session is asked by the server itself, on the
 * check's own connection, right before each of the check's queries.
 */
class HealthCheckSessionTest {
    private static final Contract CONTRACT = ContractLoader.parse("""
            tables:
              users:
                columns: [id, email]
            """, "session.yaml");

    @Test
    void everyQueryOfTheCheckRunsReadOnlyWithItsStatementTimeout() throws Exception {
        DataSource db = SharedPostgres.freshDatabase();
        SharedPostgres.execute(db, "CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        List<String> sessions = new ArrayList<>();

        try (Connection connection = db.getConnection()) {
            HealthReport columns = SchemaHealthCheck.from(CONTRACT).withStatementTimeout(Duration.ofMillis(1234))
                    .check(observed(connection, sessions));
            HealthReport full = SchemaHealthCheck.from(CONTRACT).withKeysAndIndexes()
                    .check(observed(connection, sessions));

            assertThat(columns.isHealthy()).isTrue();
            assertThat(full.isHealthy()).isTrue();
            assertThat(connection.isReadOnly()).as("the connection is given back as it was found").isFalse();
        }
        assertThat(sessions).isNotEmpty().allMatch(s -> s.startsWith("read only=on"));
        assertThat(sessions).anyMatch(s -> s.equals("read only=on, timeout=1234ms"))
                .anyMatch(s -> s.equals("read only=on, timeout=5s"));
    }

    /**
     * The connection, reporting the server's transaction_read_only and statement_timeout before every
     * query the check sends (SET LOCAL statements themselves aside).
     */
    private static Connection observed(Connection real, List<String> sessions) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    boolean query = method.getName().equals("prepareStatement")
                            || method.getName().equals("createStatement");
                    if (query && !real.getAutoCommit()) {
                        try (Statement show = real.createStatement();
                             ResultSet rs = show.executeQuery("SELECT current_setting('transaction_read_only'), "
                                     + "current_setting('statement_timeout')")) {
                            rs.next();
                            sessions.add("read only=" + rs.getString(1) + ", timeout=" + rs.getString(2));
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
