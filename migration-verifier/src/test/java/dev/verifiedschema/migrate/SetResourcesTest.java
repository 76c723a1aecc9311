package dev.verifiedschema.migrate;

import dev.verifiedschema.testing.FreshDatabase;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway is given the scripts as the toolkit read them, and records them as its own scan would. */
@ExtendWith(FreshDatabase.class)
class SetResourcesTest {

    private static MigrationSet set(String name) {
        return MigrationSet.load(List.of("classpath:sets/" + name));
    }

    @Test
    void flywaySeesEveryScriptButTheUndoOnes() {
        MigrationSet set = set("flyway-naming");

        List<String> seen = SetResources.of(set).orElseThrow().getResources("", new String[]{".sql"}).stream()
                .map(LoadableResource::getFilename).toList();

        assertThat(seen).isNotEmpty().noneMatch(name -> name.startsWith("U"))
                .containsExactlyInAnyOrderElementsOf(set.forwards().stream().map(MigrationScript::fileName).toList());
    }

    @Test
    void theHistoryRecordsTheScriptsAndChecksumsFlywaysOwnScanRecords(DataSource database) throws SQLException {
        String onDisk = "filesystem:" + FlywayCompatibilityTest.resource("sets/script-config");
        for (String location : List.of("classpath:sets/flyway-naming", "classpath:sets/script-config",
                "classpath:sets/repeatable-view", "classpath:sets/callbacks", onDisk)) {
            MigrationSet set = MigrationSet.load(List.of(location));
            String name = location.equals(onDisk) ? "on_disk" : location.substring("classpath:sets/".length());
            String ours = "ours_" + name.replace('-', '_');
            String flywayOwn = "flyway_" + name.replace('-', '_');
            try (FlywayRunner runner = new FlywayRunner(database, set, ours)) {
                assertThat(runner.migrate(null, null)).as("our run of " + name).isNull();
            }
            Flyways.configure(database, set.locations(), set.settings(), flywayOwn).load().migrate();

            assertThat(history(database, ours)).as(name).isNotEmpty().isEqualTo(history(database, flywayOwn));
        }
    }

    @Test
    void flywayNoLongerCountsTheUndoScriptsAsMisnamed(DataSource database) {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Stairway.of(set("flyway-naming")).withFullDowngrade(false).run(database);
        } finally {
            System.setErr(err);
        }

        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Migrating schema") // Flyway's log is captured here
                .doesNotContain("did not follow the filename convention");
    }

    @Test
    void aScriptsConfFileIsRead(DataSource database) {
        // without V2__email_index.sql.conf, Flyway refuses V2's mix of statements in one transaction
        StairwayReport report = Stairway.of(set("script-config")).run(database);

        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.steps()).hasSize(2);
    }

    @Test
    void flywaySeesRepeatablesAndCallbacksToo() {
        List<String> seen = new ArrayList<>();
        for (String name : List.of("repeatable-view", "callbacks")) {
            SetResources.of(set(name)).orElseThrow().getResources("", new String[]{".sql"})
                    .forEach(resource -> seen.add(resource.getFilename()));
        }

        assertThat(seen).contains("R__order_totals.sql", "beforeMigrate.sql", "afterMigrate__log.sql")
                .noneMatch(name -> name.startsWith("U"));
    }

    @Test
    void pathsBelowTheLocationUseSlashesAsFlywayRecordsThemOnEveryPlatform() {
        assertThat(SetResources.relativePath(List.of("filesystem:C:\\sets\\billing"),
                "C:\\sets\\billing/nested\\V2__index.sql")).isEqualTo("nested/V2__index.sql");
        assertThat(SetResources.relativePath(List.of("classpath:db/migration/"),
                "classpath:db/migration/V1__a.sql")).isEqualTo("V1__a.sql");
    }

    @Test
    void aConfFileIsFoundOnDiskToo() {
        String onDisk = "filesystem:" + FlywayCompatibilityTest.resource("sets/script-config");

        assertThat(SetResources.of(MigrationSet.load(List.of(onDisk))).orElseThrow()
                .getResource("nested/V2__email_index.sql.conf")).isNotNull();
        assertThat(SetResources.of(MigrationSet.load(List.of(onDisk))).orElseThrow()
                .getResource("nested\\V2__email_index.sql.conf")).isNotNull();
    }

    @Test
    void detectedEncodingsAreLeftToFlyway() {
        assertThat(SetResources.of(MigrationSet.load(List.of("classpath:sets/good"),
                FlywaySettings.of(Map.of("flyway.detectEncoding", "true"))))).isEmpty();
    }

    @Test
    void anotherEncodingIsLeftToFlyway() {
        MigrationSet latin1 = MigrationSet.load(List.of("classpath:sets/good"),
                FlywaySettings.of(Map.of("flyway.encoding", "ISO-8859-1")));

        assertThat(SetResources.of(latin1)).isEmpty();
    }

    @Test
    void aFileAskedForByNameIsReadFromTheLocation() throws IOException {
        LoadableResource conf = SetResources.of(set("script-config")).orElseThrow()
                .getResource("nested/V2__email_index.sql.conf");

        assertThat(conf).isNotNull();
        try (Reader reader = conf.read()) {
            assertThat(new java.io.BufferedReader(reader).readLine()).isEqualTo("executeInTransaction=false");
        }
    }

    private static List<String> history(DataSource database, String schema) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, description, type, script, checksum FROM "
                     + schema + ".flyway_schema_history WHERE success AND type <> 'SCHEMA' ORDER BY installed_rank")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getString(5));
            }
            return rows;
        }
    }
}
