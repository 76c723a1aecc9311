package dev.verifiedschema.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationSetTest {

    @Test
    void forwardAndUndoScriptsAreReadInVersionOrder() {
        MigrationSet set = MigrationSet.load(List.of("classpath:sets/good"));
        assertThat(set.forwards()).extracting(MigrationScript::fileName)
                .containsExactly("V1__accounts.sql", "V2__orders.sql", "V3__status.sql");
        assertThat(set.undo(MigrationVersion.parse("2"))).get().extracting(MigrationScript::fileName)
                .isEqualTo("U2__orders.sql");
        assertThat(set.forwards().get(0).path()).isEqualTo("classpath:sets/good/V1__accounts.sql");
        assertThat(set.contentHash()).isEqualTo(MigrationSet.load(List.of("classpath:sets/good")).contentHash())
                .isNotEqualTo(MigrationSet.load(List.of("classpath:sets/undo-fails")).contentHash());
    }

    @Test
    void aScriptOnTwoClasspathEntriesIsOneScriptAsForTheClassLoader(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/db/twice"));
        Path jarLike = Files.createDirectories(dir.resolve("copy/db/twice"));
        Files.writeString(classes.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint);");
        Files.writeString(jarLike.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint);");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[]{
                dir.resolve("classes").toUri().toURL(), dir.resolve("copy").toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            MigrationSet set = MigrationSet.load(List.of("classpath:db/twice"));
            assertThat(set.forwards()).extracting(MigrationScript::path)
                    .containsExactly("classpath:db/twice/V1__accounts.sql");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void duplicateVersionsAreReportedBeforeAnythingRuns() {
        assertThatThrownBy(() -> MigrationSet.load(List.of("classpath:sets/duplicate-version")))
                .isInstanceOf(MigrationSetException.class)
                .hasMessageContaining("nothing was run")
                .hasMessageContaining("version 2 is used twice: classpath:sets/duplicate-version/V2__orders.sql and "
                        + "classpath:sets/duplicate-version/V2__other.sql");
    }

    @Test
    void anUndoWithoutItsForwardScriptIsReported() {
        assertThatThrownBy(() -> MigrationSet.load(List.of("classpath:sets/undo-without-forward")))
                .hasMessageContaining("undo script classpath:sets/undo-without-forward/U9__ghost.sql has no forward "
                        + "script V9__*.sql");
    }

    @Test
    void everyBadNameIsListedInOneMessage() {
        MigrationSetException e = org.assertj.core.api.Assertions.catchThrowableOfType(MigrationSetException.class,
                () -> MigrationSet.load(List.of("classpath:sets/bad-names")));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).contains(
                "V4_single_underscore.sql has one underscore after the version; Flyway needs two: "
                        + "V4__single_underscore.sql",
                "notes.sql is not named like a migration", "Flyway says: Unrecognised migration name format: notes.sql")
                .doesNotContain("R__views.sql");
    }

    @Test
    void namesFlywayRejectsAreNamedWithFlywaysReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint);");
        Files.writeString(dir.resolve("V1a__typo.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("R1__views.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("U1.5_x.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("README.txt"), "not a script: Flyway does not read it either");

        MigrationSetException e = org.assertj.core.api.Assertions.catchThrowableOfType(MigrationSetException.class,
                () -> MigrationSet.load(List.of(dir.toString())));

        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).contains("V1a__typo.sql is not named like a migration",
                "could not recognise version number 1a", "R1__views.sql is not named like a migration",
                "It cannot contain a version", "U1.5_x.sql has one underscore after the version; Flyway needs two: U1.5__x.sql");
    }

    @Test
    void repeatablesAndCallbacksAreAcceptedAndCountInTheContentHash(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint);");
        Files.writeString(dir.resolve("R__account_view.sql"), "CREATE OR REPLACE VIEW v AS SELECT id FROM accounts;");
        Files.writeString(dir.resolve("beforeMigrate.sql"), "SET lock_timeout = '5s';");
        MigrationSet first = MigrationSet.load(List.of(dir.toString()));
        Files.writeString(dir.resolve("R__account_view.sql"), "CREATE OR REPLACE VIEW v AS SELECT id, 1 AS one FROM accounts;");
        MigrationSet changed = MigrationSet.load(List.of(dir.toString()));

        assertThat(first.repeatables()).singleElement().matches(MigrationScript::repeatable)
                .extracting(MigrationScript::description).isEqualTo("account view");
        assertThat(first.callbacks()).extracting(MigrationScript::fileName).containsExactly("beforeMigrate.sql");
        assertThat(changed.contentHash()).isNotEqualTo(first.contentHash());
    }

    @Test
    void aMissingDirectoryIsNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> MigrationSet.load(List.of(dir.resolve("nope").toString())))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> MigrationSet.load(List.of(dir.toString())))
                .hasMessageContaining("no migration scripts (V<version>__<description>.sql) were found");
        Files.writeString(dir.resolve("V1__x.sql"), "SELECT 1;");
        assertThat(MigrationSet.load(List.of("filesystem:" + dir)).forwards()).hasSize(1);
    }

    @Test
    void versionsCompareAsFlywayComparesThem() {
        assertThat(Stream.of("10", "1.2", "2", "1", "1.1").map(MigrationVersion::parse).sorted().map(MigrationVersion::text))
                .containsExactly("1", "1.1", "1.2", "2", "10");
        assertThat(MigrationVersion.parse("1_5")).isEqualTo(MigrationVersion.parse("1.5"))
                .isEqualTo(MigrationVersion.parse("1.5.0")).hasSameHashCodeAs(MigrationVersion.parse("1.5.0"));
        assertThat(MigrationVersion.parse("20240101120000")).isGreaterThan(MigrationVersion.parse("999"));
        assertThat(MigrationVersion.parse("latest")).isNull();
    }

    @Test
    void versionsCompareAsNumbers() {
        assertThat(MigrationVersion.parse("1.10")).isGreaterThan(MigrationVersion.parse("1.9"));
        assertThat(MigrationVersion.parse("01")).isEqualTo(MigrationVersion.parse("1"));
        assertThat(MigrationVersion.parse("2_1").text()).isEqualTo("2.1");
        assertThat(MigrationVersion.parse("1.0")).isEqualTo(MigrationVersion.parse("1"));
        assertThat(MigrationVersion.parse("v1")).isNull();
    }

    @Test
    void scriptsSplitIntoStatementsWithTheirLines() {
        List<SqlStatements.Statement> statements = SqlStatements.split("""
                -- a comment; with a semicolon
                CREATE TABLE a (x text DEFAULT 'semi;colon');

                /* block; comment */ INSERT INTO a VALUES ('it''s');
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;
                INSERT INTO a VALUES (E'back\\'slash;'), ('$2b$12$hash;');
                SELECT "odd;name" FROM a""");

        assertThat(statements).extracting(SqlStatements.Statement::line).containsExactly(2, 4, 5, 6, 7);
        assertThat(statements.get(2).sql()).isEqualTo("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$");
        assertThat(statements.get(3).sql()).endsWith("('$2b$12$hash;')");
    }

    @Test
    void aSqlStandardFunctionBodyIsOneStatementWithItsOwnSemicolons() {
        List<SqlStatements.Statement> statements = SqlStatements.split("""
                CREATE OR REPLACE FUNCTION order_total(o bigint) RETURNS numeric LANGUAGE sql
                BEGIN ATOMIC
                    SELECT CASE WHEN count(*) = 0 THEN 0 ELSE sum(amount) END FROM order_lines WHERE order_id = o;
                END;
                CREATE PROCEDURE archive(cutoff date) LANGUAGE sql
                BEGIN ATOMIC
                    INSERT INTO archived SELECT * FROM orders WHERE placed_on < cutoff;
                    DELETE FROM orders WHERE placed_on < cutoff;
                END;
                BEGIN;
                CREATE TABLE begin_end (id int);
                COMMIT;
                """);

        assertThat(statements).extracting(SqlStatements.Statement::line).containsExactly(1, 5, 10, 11, 12);
        assertThat(statements.get(0).sql()).endsWith("WHERE order_id = o;\nEND");
        assertThat(statements.get(1).sql()).contains("INSERT INTO archived", "DELETE FROM orders").endsWith("END");
        assertThat(statements.get(2).sql()).isEqualTo("BEGIN");
    }
}
