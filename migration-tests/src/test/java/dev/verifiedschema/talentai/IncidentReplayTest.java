package dev.verifiedschema.talentai;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.health.HealthReport;
import dev.verifiedschema.health.SchemaHealthCheck;
import dev.verifiedschema.health.SchemaUnhealthyException;
import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;
import dev.verifiedschema.migrate.LiveMigrations;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The 2026-01-27 outage, replayed: production stood at the version before the consent columns while
 * the code needed them. The start-up health check must name both columns in one message, and its
 * remediation SQL, applied, must make the check pass.
 */
class IncidentReplayTest {
    private static final Contract CONTRACT = ContractLoader.fromClasspath("talentai-contract.yaml");
    private static SharedServers.Lease lease;
    private static PostgresServer server;
    private static String production;

    @BeforeAll
    static void productionStuckAtV4() {
        lease = SharedServers.acquire(ServerSettings.defaults());
        server = lease.server();
        production = server.createDatabase(null);
        LiveMigrations.of(server.dataSource(production), MigrationSet.load(java.util.List.of("classpath:db/migration")),
                "public").migrateTo(MigrationVersion.parse("4"));
    }

    @AfterAll
    static void dropProduction() {
        server.dropDatabase(production);
        lease.close();
    }

    @Test
    void theHealthCheckNamesBothConsentColumnsAndItsRemediationRepairsTheSchema() throws Exception {
        DataSource db = server.dataSource(production);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (email, name) VALUES ('zhang.wei@example.com', '张伟')");
        }

        SchemaUnhealthyException failure = catchThrowableOfType(SchemaUnhealthyException.class,
                () -> SchemaHealthCheck.from(CONTRACT).assertHealthy(db));

        assertThat(failure.report().violations()).extracting(Object::toString).containsExactly(
                "users: missing column consent_data_storage (expected boolean)",
                "users: missing column consent_updated_at (expected timestamp without time zone)");
        assertThat(failure.getMessage()).contains("consent_data_storage", "consent_updated_at",
                "ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_data_storage boolean DEFAULT false NOT NULL;",
                "ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_updated_at timestamp without time zone;");

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(failure.report().remediationSql());
        }

        HealthReport after = SchemaHealthCheck.from(CONTRACT).check(db);
        assertThat(after.isHealthy()).as(after.describe()).isTrue();
    }
}
