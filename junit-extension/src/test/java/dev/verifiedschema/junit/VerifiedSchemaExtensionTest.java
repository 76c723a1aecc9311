package dev.verifiedschema.junit;

import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Runs small annotated test classes in a nested JUnit engine and checks what their tests saw. The
 * nested classes are not run on their own (surefire skips nested classes).
 */
@org.junit.jupiter.api.extension.ExtendWith(TestServer.class)
class VerifiedSchemaExtensionTest {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();
    static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void holdTheSharedServer(dev.verifiedschema.provision.PostgresServer server) {
        assertThat(server.majorVersion()).isGreaterThanOrEqualTo(13);
    }

    private static Events run(Map<String, String> configuration, Class<?>... classes) {
        SEEN.clear();
        DATABASES.clear();
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .configurationParameter(VerifiedSchema.REPORT_DIR_KEY, "target/verified-schema-tests")
                .selectors(java.util.Arrays.stream(classes).map(DiscoverySelectors::selectClass)
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute().testEvents();
        events.failed().stream().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .ifPresent(t -> System.err.println("nested test " + e.getTestDescriptor().getDisplayName()
                        + " failed: " + t)));
        return events;
    }

    @VerifiedSchema(migrations = "classpath:sets/good", contract = "classpath:contracts/good.yaml",
            fixtures = "classpath:fixtures/good")
    static class UsesEveryParameter {
        @Test
        void dataSourceConnectionUrlSnapshotAndReport(DataSource db, Connection connection, @JdbcUrl String url,
                                                      SchemaSnapshot head, StairwayReport report) throws SQLException {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO accounts (email) VALUES ('x@example.com')");
            }
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM accounts")) {
                rs.next();
                SEEN.put("rows", rs.getLong(1));
            }
            try (Connection byUrl = DriverManager.getConnection(url)) {
                SEEN.put("urlWorks", byUrl.isValid(2));
            }
            SEEN.put("head", head.tables().keySet());
            SEEN.put("report", report);
        }
    }

    @Test
    void testsReceiveAVerifiedDatabaseWithoutFixtureRowsAndEveryParameterKind() {
        Events events = run(Map.of(), UsesEveryParameter.class);

        events.assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(SEEN).containsEntry("rows", 1L).containsEntry("urlWorks", true);
        assertThat(SEEN.get("head")).isEqualTo(Set.of("accounts", "orders"));
        assertThat(((StairwayReport) SEEN.get("report")).passed()).isTrue();
        assertThat(java.nio.file.Path.of("target/verified-schema-tests")).isDirectoryContaining("glob:**.txt");
    }

    @VerifiedSchema(migrations = "classpath:sets/undo-leaves-index")
    static class BrokenSet {
        @Test
        void first(DataSource db) {
        }

        @Test
        void second() {
        }
    }

    @Test
    void aFailedVerificationFailsEveryTestOfTheClassWithTheStairwayReport() {
        Events events = run(Map.of(), BrokenSet.class);

        events.assertStatistics(s -> s.failed(2).succeeded(0));
        events.assertThatEvents().haveExactly(2, event(test(), finishedWithFailure(
                instanceOf(SchemaVerificationException.class),
                message(m -> m.contains("failed verification at the undo step of V2 (U2__orders.sql)")
                        && m.contains("left behind: index accounts.accounts_created_idx")))));
    }

    @VerifiedSchema(migrations = "classpath:sets/duplicate-version")
    static class MalformedSet {
        @Test
        void only() {
        }
    }

    @Test
    void aMalformedSetFailsTheTestsWithTheListOfProblems() {
        run(Map.of(), MalformedSet.class).assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                message(m -> m.contains("nothing was run") && m.contains("version 2 is used twice")))));
    }

    @VerifiedSchema(migrations = "classpath:sets/good")
    static class FirstUser {
        @Test
        void record(StairwayReport report, DataSource db) throws SQLException {
            SEEN.put("first", report);
            DATABASES.add(databaseName(db));
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/good")
    static class SecondUser {
        @Test
        void record(StairwayReport report, DataSource db) throws SQLException {
            SEEN.put("second", report);
            DATABASES.add(databaseName(db));
        }
    }

    @Test
    void twoClassesWithTheSameSetVerifyOnceAndGetTheirOwnDatabases() {
        run(Map.of(), FirstUser.class, SecondUser.class).assertStatistics(s -> s.succeeded(2));

        assertThat(SEEN.get("first")).isSameAs(SEEN.get("second"));
        assertThat(DATABASES).hasSize(2);
    }

    @Test
    void parallelClassesShareOneVerificationSafely() {
        run(Map.of("junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent"),
                FirstUser.class, SecondUser.class, UsesEveryParameter.class)
                .assertStatistics(s -> s.succeeded(3).failed(0));

        assertThat(SEEN.get("first")).isSameAs(SEEN.get("second"));
        assertThat(DATABASES).hasSize(2);
    }

    @VerifiedSchema(migrations = "classpath:sets/good", isolation = VerifiedSchema.Isolation.METHOD)
    static class PerMethod {
        @Test
        void one(DataSource db) throws SQLException {
            writeAndCount(db, "one");
        }

        @Test
        void two(DataSource db) throws SQLException {
            writeAndCount(db, "two");
        }

        private static void writeAndCount(DataSource db, String who) throws SQLException {
            DATABASES.add(databaseName(db));
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO accounts (email) VALUES ('" + who + "@example.com')");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM accounts")) {
                    rs.next();
                    SEEN.put(who, rs.getLong(1));
                }
            }
        }
    }

    @Test
    void isolationPerMethodGivesEachMethodACleanDatabase() {
        run(Map.of(), PerMethod.class).assertStatistics(s -> s.succeeded(2));

        assertThat(SEEN).containsEntry("one", 1L).containsEntry("two", 1L);
        assertThat(DATABASES).hasSize(2);
    }

    @VerifiedSchema
    static class ConfiguredByParameters {
        @Test
        void record(StairwayReport report) {
            SEEN.put("report", report);
        }
    }

    @Test
    void configurationParametersFillInWhatTheAnnotationLeavesOpen() {
        run(Map.of(VerifiedSchema.MIGRATIONS_KEY, "classpath:sets/missing-undo", VerifiedSchema.UNDO_KEY, "optional",
                VerifiedSchema.FULL_DOWNGRADE_KEY, "false"), ConfiguredByParameters.class)
                .assertStatistics(s -> s.succeeded(1));

        StairwayReport report = (StairwayReport) SEEN.get("report");
        assertThat(report.migrations()).isEqualTo("classpath:sets/missing-undo");
        assertThat(report.fullDowngrade()).isEqualTo("skipped: disabled");
    }

    @Test
    void aBadConfigurationValueFailsTheClassEarlyNamingTheKeyAndTheAllowedValues() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(VerifiedSchema.MIGRATIONS_KEY, "classpath:sets/good")
                .configurationParameter(VerifiedSchema.UNDO_KEY, "sometimes")
                .selectors(DiscoverySelectors.selectClass(ConfiguredByParameters.class))
                .execute().containerEvents()
                .assertThatEvents().haveExactly(1, finishedWithFailure(
                        instanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class),
                        message("The configuration parameter verifiedschema.undo is 'sometimes'; "
                                + "allowed: required, optional, none")));
    }

    @VerifiedSchema(migrations = "classpath:sets/timeouts")
    static class WithTimeouts {
        @Test
        void verified(StairwayReport report) {
            assertThat(report.passed()).isTrue();
        }
    }

    @Test
    void theTimeoutParametersReachEveryStairwaySessionAndABadOneFailsTheClass() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(VerifiedSchema.LOCK_TIMEOUT_KEY, "2s")
                .configurationParameter(VerifiedSchema.STATEMENT_TIMEOUT_KEY, "3min")
                .configurationParameter(VerifiedSchema.REPORT_DIR_KEY, "target/verified-schema-tests")
                .selectors(DiscoverySelectors.selectClass(WithTimeouts.class))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(VerifiedSchema.LOCK_TIMEOUT_KEY, "soon")
                .selectors(DiscoverySelectors.selectClass(WithTimeouts.class))
                .execute().containerEvents()
                .assertThatEvents().haveExactly(1, finishedWithFailure(
                        instanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class),
                        message("The configuration parameter verifiedschema.lockTimeout is 'soon', which is not a "
                                + "duration; write it as 500ms, 30s, 10min or 1h (0 for no limit; at most 24 days, PostgreSQL's limit)")));
    }

    @Test
    void settingsResolveAttributeThenParameterThenDefault() {
        VerifiedSchema defaults = ConfiguredByParameters.class.getAnnotation(VerifiedSchema.class);
        Settings plain = Settings.resolve(defaults, key -> java.util.Optional.empty());
        assertThat(plain.migrations()).isEqualTo(List.of("classpath:db/migration"));
        assertThat(plain.undo()).isEqualTo(dev.verifiedschema.migrate.UndoPolicy.REQUIRED);
        assertThat(plain.fullDowngrade()).isTrue();
        assertThat(plain.isolatePerMethod()).isFalse();
        assertThat(plain.server().provider()).isEqualTo(dev.verifiedschema.provision.ProviderKind.AUTO);

        Settings fromParameters = Settings.resolve(defaults, key -> java.util.Optional.ofNullable(Map.of(
                VerifiedSchema.MIGRATIONS_KEY, "classpath:a, filesystem:b",
                VerifiedSchema.PROVIDER_KEY, "external", VerifiedSchema.URL_KEY, "jdbc:postgresql://ci/postgres",
                VerifiedSchema.PASSWORD_KEY, "pw", VerifiedSchema.ISOLATION_KEY, "method",
                VerifiedSchema.PG_VERSION_KEY, "15").get(key)));
        assertThat(fromParameters.migrations()).containsExactly("classpath:a", "filesystem:b");
        assertThat(fromParameters.server().provider()).isEqualTo(dev.verifiedschema.provision.ProviderKind.EXTERNAL);
        assertThat(fromParameters.server().password()).isEqualTo("pw");
        assertThat(fromParameters.server().pgVersion()).isEqualTo(15);
        assertThat(fromParameters.isolatePerMethod()).isTrue();

        VerifiedSchema attributes = PerMethod.class.getAnnotation(VerifiedSchema.class);
        Settings attributeWins = Settings.resolve(attributes, key -> java.util.Optional.ofNullable(
                key.equals(VerifiedSchema.ISOLATION_KEY) ? "class" : null));
        assertThat(attributeWins.isolatePerMethod()).isTrue();
    }

    @VerifiedSchema(migrations = "classpath:sets/flyway-settings", flywayConfig = "classpath:sets/flyway-settings/flyway.toml",
            fullDowngrade = VerifiedSchema.Toggle.OFF)
    static class FlywayConfigAttribute {
        @Test
        void placeholdersOfTheFileWereUsed(SchemaSnapshot head) {
            SEEN.put("locale", head.tables().get("app_accounts").columns().get("locale").defaultValue());
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/shared-role")
    static class SharedRole {
        @Test
        void theSetVerified(StairwayReport report) {
            SEEN.put("shared-role", report.passed());
        }
    }

    @Test
    void aSetThatCreatesARoleIsVerifiedBeforeItsTemplateIsBuilt() {
        // the template's GRANT to the role would make the stairway's undo (DROP ROLE) fail if both ran at once
        run(Map.of(), SharedRole.class).assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertThat(SEEN.get("shared-role")).isEqualTo(true);
    }

    @VerifiedSchema(migrations = "classpath:sets/mixed-concurrently")
    static class FlywayParameters {
        @Test
        void mixedTookEffect(SchemaSnapshot head) {
            SEEN.put("indexes", head.tables().get("orders").indexes().keySet());
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/flyway-settings", fullDowngrade = VerifiedSchema.Toggle.OFF)
    static class FlywayPlaceholderParameters {
        @Test
        void placeholdersOfTheParametersWereUsed(SchemaSnapshot head) {
            SEEN.put("locale", head.tables().get("app_accounts").columns().get("locale").defaultValue());
        }
    }

    @Test
    void theFlywayConfigAttributeAppliesTheFilesSettings() {
        run(Map.of(), FlywayConfigAttribute.class).assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertThat(SEEN.get("locale")).asString().contains("de_DE");
    }

    @Test
    void flywayParametersArePassedThroughToFlyway() {
        run(Map.of(), FlywayParameters.class).assertStatistics(stats -> stats.failed(1));
        run(Map.of("verifiedschema.flyway.mixed", "true"), FlywayParameters.class)
                .assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertThat(SEEN.get("indexes")).asString().contains("orders_shipped_idx");
    }

    @Test
    void flywayPlaceholderParametersWinOverTheConfigFile() {
        System.setProperty("verifiedschema.flyway.placeholders.default_locale", "fr_FR");
        try {
            SEEN.clear();
            // as a build runs tests: system properties are configuration parameters
            EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true)
                    .configurationParameter(VerifiedSchema.FLYWAY_CONFIG_KEY, "classpath:sets/flyway-settings/flyway.conf")
                    .configurationParameter(VerifiedSchema.REPORT_DIR_KEY, "target/verified-schema-tests")
                    .selectors(DiscoverySelectors.selectClass(FlywayPlaceholderParameters.class))
                    .execute().testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        } finally {
            System.clearProperty("verifiedschema.flyway.placeholders.default_locale");
        }

        assertThat(SEEN.get("locale")).asString().contains("fr_FR");
    }

    @Test
    void settingsCarryFlywayParametersUnderFlywaysNames() {
        VerifiedSchema defaults = ConfiguredByParameters.class.getAnnotation(VerifiedSchema.class);
        Map<String, String> parameters = Map.of("verifiedschema.flyway.mixed", "true",
                "verifiedschema.flyway.placeholders.tenant", "acme", VerifiedSchema.FLYWAY_CONFIG_KEY, "flyway.toml");

        Settings settings = Settings.resolve(defaults, key -> java.util.Optional.ofNullable(parameters.get(key)),
                Set.of("verifiedschema.flyway.placeholders.tenant"));

        assertThat(settings.flyway()).containsExactlyInAnyOrderEntriesOf(Map.of("flyway.mixed", "true",
                "flyway.placeholders.tenant", "acme"));
        assertThat(settings.flywayConfig()).isEqualTo("flyway.toml");
    }

    static String databaseName(DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            return c.getCatalog();
        }
    }
}
