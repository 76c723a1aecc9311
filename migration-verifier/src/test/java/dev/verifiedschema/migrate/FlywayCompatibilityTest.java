package dev.verifiedschema.migrate;

import dev.verifiedschema.testing.FreshDatabase;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sets that use Flyway's naming, repeatables, callbacks and settings are verified as Flyway runs them. */
@ExtendWith(FreshDatabase.class)
class FlywayCompatibilityTest {
    private DataSource database;

    @BeforeEach
    void freshDatabase(DataSource database) {
        this.database = database;
    }

    static Path resource(String path) {
        try {
            return Path.of(FlywayCompatibilityTest.class.getResource("/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MigrationSet set(String name, FlywaySettings settings) {
        return MigrationSet.load(List.of("classpath:sets/" + name), settings);
    }

    /** The scripts Flyway itself (its own scan of the locations) would apply to an empty database, in its order. */
    private List<String> flywayPending(MigrationSet set) {
        return Arrays.stream(Flyways.configure(database, set.locations(), set.settings(), "public").load().info().pending())
                .map(MigrationInfo::getScript).toList();
    }

    private Finding failureOf(Stairway stairway) {
        return catchThrowableOfType(StairwayException.class, () -> stairway.run(database)).report().failure();
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    @Test
    void dottedUnderscoredZeroPaddedAndTimestampVersionsAreReadAndOrderedAsFlywayDoes() {
        MigrationSet set = set("flyway-naming", FlywaySettings.none());

        assertThat(set.forwards()).extracting(s -> s.version().text())
                .containsExactly("1", "1.1", "1.2", "1.5", "002", "2.0.1", "10", "20240101120000");
        assertThat(set.forwards()).extracting(MigrationScript::fileName).isEqualTo(flywayPending(set));
        assertThat(set.forwards().get(5).description()).isEqualTo("invoices  tenant index");
        assertThat(set.undo(MigrationVersion.parse("1.5"))).get().extracting(MigrationScript::fileName)
                .isEqualTo("U1_5__multitenant.sql");
        assertThat(set.undo(MigrationVersion.parse("1_1"))).get().extracting(MigrationScript::fileName)
                .isEqualTo("U1_1__tenant_plans.sql");
        assertThat(set.undo(MigrationVersion.parse("2"))).get().extracting(MigrationScript::fileName)
                .isEqualTo("U2__invoices.sql");
    }

    @Test
    void aSetWithFlywaysVersionSpellingsPassesEveryStepAndTheFullDowngrade() throws SQLException {
        StairwayReport report = Stairway.of(set("flyway-naming", FlywaySettings.none()))
                .withFullDowngrade(false).run(database);

        assertThat(report.steps()).extracting(StepResult::version)
                .containsExactly("1", "1.1", "1.2", "1.5", "002", "2.0.1", "10", "20240101120000");
        assertThat(report.steps()).allMatch(StepResult::reversible);
        assertThat(rows("SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1", "1.1", "1.2", "1.5", "002", "2.0.1", "10", "20240101120000");
    }

    @Test
    void theFullDowngradeUndoesEveryVersionWhateverItsSpelling() {
        StairwayReport report = Stairway.of(set("flyway-naming", FlywaySettings.none())).run(database);

        assertThat(report.fullDowngrade()).isEqualTo("passed");
    }

    @Test
    void repeatableMigrationsRunAfterTheVersionedOnesAndAreInTheHeadSnapshot() throws SQLException {
        MigrationSet set = set("repeatable-view", FlywaySettings.none());
        assertThat(flywayPending(set)).containsExactly("V1__customers.sql", "V2__orders.sql",
                "R__customer_search.sql", "R__order_totals.sql");
        assertThat(set.repeatables()).extracting(MigrationScript::fileName)
                .containsExactly("R__customer_search.sql", "R__order_totals.sql");

        StairwayReport report = Stairway.of(set).run(database);

        assertThat(report.passed()).isTrue();
        assertThat(report.steps()).extracting(StepResult::version).containsExactly("1", "2");
        assertThat(report.head().views()).containsKey("order_totals");
        assertThat(report.head().functions().keySet()).anyMatch(f -> f.startsWith("customer_search"));
        assertThat(report.fullDowngrade()).isEqualTo("skipped: repeatable migrations have no undo scripts "
                + "(R__customer_search.sql, R__order_totals.sql)");
        assertThat(rows("SELECT coalesce(version, script) FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1", "2", "R__customer_search.sql", "R__order_totals.sql");
    }

    @Test
    void sqlCallbacksAreAcceptedAndRunWhereFlywayRunsThem() throws SQLException {
        MigrationSet set = set("callbacks", FlywaySettings.none());
        assertThat(set.callbacks()).extracting(MigrationScript::fileName)
                .containsExactly("afterEachMigrate.sql", "afterMigrate__log.sql", "beforeMigrate.sql");

        StairwayReport report = Stairway.of(set).run(database);

        assertThat(report.passed()).isTrue();
        assertThat(rows("SELECT event FROM ops.migration_log ORDER BY id"))
                .containsExactly("afterEachMigrate", "afterEachMigrate", "afterMigrate afterMigrate__log.sql");
    }

    @Test
    void placeholdersFromAFlywayConfReachForwardAndUndoScripts() {
        FlywaySettings settings = FlywaySettings.load(resource("sets/flyway-settings/flyway.conf"));
        assertThat(settings.properties()).containsEntry("flyway.placeholders.table_prefix", "app_")
                .doesNotContainKey("flyway.url");
        assertThat(settings.ignored()).containsExactly("flyway.url");

        StairwayReport report = Stairway.of(set("flyway-settings", settings)).run(database);

        assertThat(report.passed()).isTrue();
        assertThat(report.steps()).allMatch(StepResult::reversible);
        assertThat(report.head().tables()).containsOnlyKeys("app_accounts", "app_sessions");
        assertThat(report.head().tables().get("app_accounts").columns().get("locale").defaultValue()).contains("en_GB");
        assertThat(report.fullDowngrade()).isEqualTo("passed");
    }

    @Test
    void aFlywayTomlIsReadAsFlywaysFlywayTable() {
        FlywaySettings settings = FlywaySettings.load(resource("sets/flyway-settings/flyway.toml"));
        assertThat(settings.properties()).containsEntry("flyway.placeholders.session_days", "30")
                .containsEntry("flyway.mixed", "false").containsEntry("flyway.executeInTransaction", "true");

        StairwayReport report = Stairway.of(set("flyway-settings", settings)).run(database);

        assertThat(report.head().tables().get("app_accounts").columns().get("locale").defaultValue()).contains("de_DE");
    }

    @Test
    void placeholdersGivenOneByOneWinOverTheFileAndChangeTheContentHash() {
        FlywaySettings file = FlywaySettings.load(resource("sets/flyway-settings/flyway.conf"));
        FlywaySettings given = file.withPlaceholder("default_locale", "fr_FR");

        assertThat(given.properties()).containsEntry("flyway.placeholders.default_locale", "fr_FR");
        assertThat(set("flyway-settings", given).contentHash()).isNotEqualTo(set("flyway-settings", file).contentHash())
                .isEqualTo(set("flyway-settings", file.withPlaceholder("default_locale", "fr_FR")).contentHash());
        StairwayReport report = Stairway.of(set("flyway-settings", given)).withFullDowngrade(false).run(database);
        assertThat(report.head().tables().get("app_accounts").columns().get("locale").defaultValue()).contains("fr_FR");
    }

    @Test
    void prefixSeparatorSuffixAndUndoPrefixSettingsNameTheScripts() {
        FlywaySettings settings = FlywaySettings.load(resource("sets/custom-naming/flyway.toml"));
        MigrationSet set = set("custom-naming", settings);

        assertThat(set.forwards()).extracting(MigrationScript::fileName).containsExactly("M1-customers.pgsql", "M1_1-vip.pgsql");
        assertThat(set.undo(MigrationVersion.parse("1.1"))).get().extracting(MigrationScript::fileName)
                .isEqualTo("D1_1-vip.pgsql");
        assertThat(set.repeatables()).extracting(MigrationScript::fileName).containsExactly("RR-vip_customers.pgsql");
        assertThat(Stream.concat(set.forwards().stream(), set.repeatables().stream()).map(MigrationScript::fileName)
                .toList()).isEqualTo(flywayPending(set));

        StairwayReport report = Stairway.of(set).run(database);
        assertThat(report.steps()).extracting(StepResult::version).containsExactly("1", "1.1");
        assertThat(report.head().views()).containsKey("vip_customers");
    }

    @Test
    void aMixedScriptUnderMixedFalseBlamesTheScriptFlywayWasReading() {
        Finding failure = failureOf(Stairway.of(set("mixed-concurrently", FlywaySettings.none())));

        assertThat(failure.step()).isEqualTo("forward");
        assertThat(failure.version()).isEqualTo("3");
        assertThat(failure.script()).isEqualTo("V3__shipping.sql");
        assertThat(failure.message()).startsWith("V3 failed: classpath:sets/mixed-concurrently/V3__shipping.sql line 3")
                .contains("Detected both transactional and non-transactional statements", "the database is at V2.");
    }

    @Test
    void withMixedTrueTheSameSetRunsAsFlywayRunsIt() {
        StairwayReport report = Stairway.of(set("mixed-concurrently", FlywaySettings.of(Map.of("mixed", "true"))))
                .run(database);

        assertThat(report.passed()).isTrue();
        assertThat(report.head().tables().get("orders").indexes()).containsKey("orders_shipped_idx");
    }

    @Test
    void aPlaceholderWithoutValueInTheNextScriptBlamesThatScriptWithLineColumnAndKey() {
        Finding failure = failureOf(Stairway.of(set("missing-placeholder",
                FlywaySettings.of(Map.of("placeholders.note_length", "500")))));

        assertThat(failure.version()).isEqualTo("5");
        assertThat(failure.script()).isEqualTo("V5__retention.sql");
        assertThat(failure.message()).startsWith("V5 failed: classpath:sets/missing-placeholder/V5__retention.sql "
                        + "line 3, column 53: no value for the placeholder ${retention_days}")
                .contains("spring.flyway.placeholders.retention_days", "--placeholder retention_days=VALUE")
                .endsWith("Give the placeholder a value; the database is at V4.");
    }

    @Test
    void aMissingUndoScriptIsAskedForAsTheForwardScriptSpellsItsVersion() {
        List<MigrationScript> forwards = set("flyway-naming", FlywaySettings.none()).forwards();

        assertThat(forwards).extracting(UndoScripts::pattern).contains("U1__*.sql", "U1.1__*.sql", "U1_2__*.sql",
                "U002__*.sql", "U2_0_1__*.sql");
    }

    @Test
    void anUndoScriptsPlaceholderWithoutValueIsNamedWithLineAndColumn() {
        FlywaySettings settings = FlywaySettings.load(resource("sets/flyway-settings/flyway.conf"));
        FlywaySettings withoutPrefix = FlywaySettings.of(settings.properties().entrySet().stream()
                .filter(e -> !e.getKey().endsWith("table_prefix")).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue)));
        // the forward scripts get the prefix from here, the undo scripts from their own settings: none
        MigrationScript undo = set("flyway-settings", withoutPrefix.withPlaceholder("table_prefix", "app_"))
                .undo(MigrationVersion.parse("1")).orElseThrow();
        MigrationScript bare = new MigrationScript(undo.version(), undo.description(), undo.fileName(), undo.path(),
                undo.sql(), withoutPrefix);

        ScriptFailure failure = run(bare);

        assertThat(failure.describe()).isEqualTo("classpath:sets/flyway-settings/U1__accounts.sql line 1, column 12: "
                + "no value for the placeholder ${table_prefix}; give it a value: flyway.placeholders.table_prefix in "
                + "the Flyway configuration, spring.flyway.placeholders.table_prefix in a Spring Boot application's, "
                + "verifiedschema.flyway.placeholders.table_prefix for @VerifiedSchema, or --placeholder "
                + "table_prefix=VALUE on the command line");
    }

    @Test
    void withPlaceholderReplacementOffAnUndoScriptRunsItsTextAsWritten() throws SQLException {
        MigrationScript literal = new MigrationScript(MigrationVersion.parse("1"), "notes", "U1__notes.sql",
                "U1__notes.sql", "CREATE TABLE notes (body text DEFAULT '${not_a_placeholder}');",
                FlywaySettings.of(Map.of("placeholderReplacement", "false")));

        assertThat(run(literal)).isNull();
        assertThat(rows("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'notes'::regclass"))
                .singleElement().asString().contains("${not_a_placeholder}");
        assertThat(run(new MigrationScript(literal.version(), "notes", "U1__notes.sql", "U1__notes.sql",
                literal.sql(), FlywaySettings.none())).message()).contains("${not_a_placeholder}");
    }

    @Test
    void undoScriptsAndFixturesGetFlywaysBuiltInPlaceholders() throws SQLException {
        MigrationScript fixture = new MigrationScript(MigrationVersion.parse("1"), "stamp", "1__stamp.sql",
                "classpath:fixtures/x/1__stamp.sql", """
                -- loaded by ${flyway:user}
                CREATE TABLE stamp AS SELECT '${flyway:filename}' AS file, '${flyway:timestamp}'::timestamp AS at,
                    '${flyway:database}' AS db, '${FLYWAY:DEFAULTSCHEMA}' AS schema_name, '${flyway:table}' AS history,
                    '${Tenant}' AS tenant;
                """, FlywaySettings.of(Map.of("placeholders.tenant", "acme")));

        assertThat(run(fixture)).isNull();
        assertThat(rows("SELECT concat_ws('|', file, db = current_database(), schema_name, history, tenant, "
                + "at > now() - interval '1 day') FROM stamp"))
                .containsExactly("1__stamp.sql|t|public|flyway_schema_history|acme|t");
    }

    @Test
    void executeInTransactionFalseRunsAConcurrentIndexBesideOtherStatementsAsFlywayDoes() {
        StairwayReport report = Stairway.of(set("mixed-concurrently",
                FlywaySettings.of(Map.of("executeInTransaction", "false")))).run(database);

        assertThat(report.passed()).isTrue();
        assertThat(report.head().tables().get("orders").indexes()).containsKey("orders_shipped_idx");
    }

    private ScriptFailure run(MigrationScript script) {
        try (Connection connection = database.getConnection()) {
            return ScriptRunner.run(connection, script, "public");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTypoOnALaterLineOfAForwardStatementIsReportedAtThatLineAndColumn() {
        Finding failure = failureOf(Stairway.of(set("typo-in-forward", FlywaySettings.none())));

        assertThat(failure.message()).startsWith("V2 failed: classpath:sets/typo-in-forward/V2__orders.sql line 5, "
                + "column 34: syntax error at or near \"NUL\"");
    }

    @Test
    void aTypoOnALaterLineOfAnUndoStatementIsReportedAtThatLineAndColumn() {
        Finding failure = failureOf(Stairway.of(set("typo-in-undo", FlywaySettings.none())));

        assertThat(failure.step()).isEqualTo("undo");
        assertThat(failure.message()).contains("U2__orders.sql line 4, column 7: column \"acount_id\" does not exist");
    }

    @Test
    void aTypoOnALaterLineOfAFixtureStatementIsReportedAtThatLineAndColumn() {
        Finding failure = failureOf(Stairway.of(MigrationSet.load(List.of("classpath:sets/good")))
                .withFixtures(FixtureSet.load("classpath:fixtures/typo-in-fixture")));

        assertThat(failure.step()).isEqualTo("fixtures");
        assertThat(failure.message()).contains("1__accounts.sql line 4, column 27: syntax error at or near \")\"");
    }

    @Test
    void withUndoPolicyNoneTheSummaryClaimsNoUndoStep() {
        StairwayReport report = Stairway.of(MigrationSet.load(List.of("classpath:sets/good")))
                .withUndoPolicy(UndoPolicy.NONE).run(database);

        assertThat(report.describe()).contains("every forward step held; no undo script was run")
                .doesNotContain("undo and redo step held");
    }
}
