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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A session that ends under a step (a DBA's pg_terminate_backend, a restart) gives a finding that
 * names the step, and the run still closes every connection it opened.
 */
@ExtendWith(TestServer.class)
class DatabaseLostTest {
    private PostgresServer server;

    @BeforeEach
    void sharedServer(PostgresServer server) {
        this.server = server;
    }

    private StairwayReport failed(Path dir, String undo, String fixtureOrNull) throws Exception {
        Files.writeString(dir.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        Files.writeString(dir.resolve("U1__accounts.sql"), "DROP TABLE accounts;\n");
        Files.writeString(dir.resolve("V2__plan.sql"), "ALTER TABLE accounts ADD COLUMN plan text;\n");
        Files.writeString(dir.resolve("U2__plan.sql"), undo);
        Path set = Files.createDirectories(dir.resolve("set"));
        try (var scripts = Files.list(dir)) {
            for (Path script : scripts.filter(Files::isRegularFile).toList()) {
                Files.move(script, set.resolve(script.getFileName()));
            }
        }
        Stairway stairway = Stairway.of(MigrationSet.load(List.of("filesystem:" + set)));
        if (fixtureOrNull != null) {
            Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
            Files.writeString(fixtures.resolve("1__accounts.sql"), fixtureOrNull);
            stairway = stairway.withFixtures(FixtureSet.load("filesystem:" + fixtures));
        }
        String database = server.createDatabase(null);
        try {
            Stairway run = stairway;
            StairwayException e = catchThrowableOfType(StairwayException.class,
                    () -> run.run(server.dataSource(database)));
            assertThat(e).as("the stairway must fail").isNotNull();
            assertThat(connectionsTo(database)).as("every connection of the run is closed").isZero();
            return e.report();
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void anUndoWhoseSessionIsTerminatedIsNamedInTheFinding(@TempDir Path dir) throws Exception {
        StairwayReport report = failed(dir, "ALTER TABLE accounts DROP COLUMN plan;\n"
                + "SELECT pg_terminate_backend(pg_backend_pid());\n", null);

        Finding lost = report.findings().get(report.findings().size() - 1);
        assertThat(lost.kind()).isEqualTo(Finding.DATABASE);
        assertThat(lost.message()).startsWith("At V2 undo (U2__plan.sql) the database failed: ")
                .contains("Is the server still up?", "Nothing of the step was kept")
                .as("the server's own reason, not the failed rollback's").contains("terminating connection");
    }

    @Test
    void aForwardWhoseSessionAnotherStatementEndedIsNotBlamedOnItsScript(@TempDir Path dir) throws Exception {
        StairwayReport report = failed(dir, "ALTER TABLE accounts DROP COLUMN plan;\n",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND pid <> pg_backend_pid();\n");

        Finding lost = report.findings().get(report.findings().size() - 1);
        assertThat(lost.kind()).as(report.describe()).isEqualTo(Finding.DATABASE);
        // the fixture's own session lives on; the next step's session is the one found ended, and the
        // finding says so instead of blaming V2's script
        assertThat(lost.message()).startsWith("At V2 forward (V2__plan.sql) the database failed: FATAL: terminating "
                + "connection due to administrator command (SQLState 57P01)");
        assertThat(report.failures()).extracting(Finding::kind).doesNotContain(Finding.FORWARD_FAILED);
    }

    private long connectionsTo(String database) throws Exception {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
