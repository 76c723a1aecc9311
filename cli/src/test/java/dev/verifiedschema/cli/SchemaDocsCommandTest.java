package dev.verifiedschema.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.verifiedschema.cli.CliHarness.MIGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code snapshot --docs html|text}: the documentation of what a set builds, or of a live database. */
class SchemaDocsCommandTest {
    private static CliHarness cli;

    @BeforeAll
    static void start() {
        cli = new CliHarness();
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    @Test
    void theHeadOfASetIsDocumentedAsOneHtmlPageForReviewers(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("schema.html");

        CliHarness.Run run = cli.run("snapshot", "--migrations", MIGRATIONS.toString(), "--docs", "html",
                "--output", page.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>")
                .contains("hm_feedbacks", "hm_feedbacks_user_id_fkey", "consent_data_storage")
                .doesNotContain("flyway_schema_history", "https://");
    }

    @Test
    void theTextFormOfTwoHeadsDiffersWhereTheirSchemasDoAndAgreesWithTheLiveDatabase() {
        CliHarness.Run head = cli.run("snapshot", "--migrations", MIGRATIONS.toString(), "--docs", "text");
        CliHarness.Run atV4 = cli.run("snapshot", "--url", cli.url(cli.production("4")), "--docs", "text");
        CliHarness.Run again = cli.run("snapshot", "--migrations", MIGRATIONS.toString(), "--docs", "text");

        assertThat(head.exitCode()).as(head.err()).isZero();
        assertThat(again.out()).as("the same head, the same text").isEqualTo(head.out());
        assertThat(head.out()).contains("consent_data_storage");
        assertThat(atV4.exitCode()).as(atV4.err()).isZero();
        assertThat(atV4.out()).as("V5 adds the consent columns").doesNotContain("consent_data_storage")
                .contains("hm_feedbacks");
    }

    @Test
    void verifyWritesTheVerifiedHeadsDocumentationWhereItIsAsked(@TempDir Path dir) throws Exception {
        CliHarness.Run run = cli.run("verify", "--migrations", MIGRATIONS.toString(), "--schema-docs",
                dir.resolve("docs").toString());
        CliHarness.Run snapshot = cli.run("snapshot", "--migrations", MIGRATIONS.toString(), "--docs", "text");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("docs/schema.txt"))).as("the head verify reached is the head snapshot builds")
                .isEqualTo(snapshot.out());
        assertThat(Files.readString(dir.resolve("docs/schema.html"))).contains("hm_feedbacks");
    }
}
