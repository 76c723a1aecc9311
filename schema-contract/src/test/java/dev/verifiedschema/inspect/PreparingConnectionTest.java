package dev.verifiedschema.inspect;

import dev.verifiedschema.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PreparingConnectionTest {
    private static final String QUERY = "SELECT g FROM generate_series(1, 5) g";

    private static long serverPrepared(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%generate_series(1, 5)%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void queriesArePreparedOnTheServerFromTheirFirstUseAndSettingsSurviveEachQuery() throws SQLException {
        DataSource db = SharedPostgres.freshDatabase();
        try (Connection real = db.getConnection()) {
            Connection view = PreparingConnection.wrap(real);
            try (Statement statement = view.createStatement()) {
                statement.setMaxRows(2);
                assertThat(statement.execute(QUERY)).isTrue();
                assertThat(count(statement.getResultSet())).isEqualTo(2);
                assertThat(count(statement.executeQuery(QUERY))).as("max rows kept for the next query").isEqualTo(2);
                assertThat(statement.execute(QUERY, Statement.NO_GENERATED_KEYS)).isTrue();
                assertThat(statement.getConnection()).isSameAs(view);
                assertThat(statement).isEqualTo(statement);
            }
            assertThat(serverPrepared(real)).isEqualTo(1);
            assertThat(view.isValid(1)).isTrue();
            view.close();
            assertThat(real.isClosed()).as("closing the view leaves the caller's connection open").isFalse();
        }
    }

    @Test
    void aConnectionThatAsksNeverToPrepareIsObeyed() throws SQLException {
        DataSource db = SharedPostgres.freshDatabase();
        try (Connection real = db.getConnection()) {
            real.unwrap(PGConnection.class).setPrepareThreshold(0);
            try (Statement statement = PreparingConnection.wrap(real).createStatement()) {
                assertThat(count(statement.executeQuery(QUERY))).isEqualTo(5);
                assertThat(count(statement.executeQuery(QUERY))).isEqualTo(5);
            }
            assertThat(serverPrepared(real)).isZero();
        }
    }

    private static int count(ResultSet rs) throws SQLException {
        int n = 0;
        while (rs.next()) {
            n++;
        }
        return n;
    }
}
