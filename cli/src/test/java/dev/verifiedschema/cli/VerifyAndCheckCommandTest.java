package dev.verifiedschema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verifiedschema.contract.ContractLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.verifiedschema.cli.CliHarness.CONTRACT;
import static dev.verifiedschema.cli.CliHarness.MIGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;

class VerifyAndCheckCommandTest {
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
    void verifyPassesTheTalentAiSetAndExitsZero() {
        CliHarness.Run run = cli.run("verify", "--migrations", MIGRATIONS.toString(), "--contract", CONTRACT.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).startsWith("OK: Verified filesystem:").contains("full downgrade passed",
                "V6 billing and history indexes: forward");
    }

    @Test
    void verifyOfABrokenSetExitsOneNamingTheStepAndObject() {
        CliHarness.Run run = cli.run("verify", "--migrations", cli.broken("undo-leaves-index").toString(),
                "--contract", CONTRACT.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("FAILED: Migration set").contains("undo step of V6",
                "left behind: index hm_feedbacks.hm_feedbacks_status_idx");
    }

    @Test
    void junitXmlPutsAFailedUndoOnItsVersionAndSkipsStepsThatDidNotRun(@TempDir Path dir) throws Exception {
        Path junit = dir.resolve("report.xml");
        CliHarness.Run run = cli.run("verify", "--migrations", cli.broken("undo-leaves-index").toString(),
                "--undo", "none", "--format", "junit", "--output", junit.toString());
        CliHarness.Run failing = cli.run("verify", "--migrations", cli.broken("undo-leaves-index").toString(),
                "--format", "junit", "--output", dir.resolve("failing.xml").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Document skipped = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(junit)));
        org.w3c.dom.NodeList skips = skipped.getElementsByTagName("skipped");
        java.util.List<String> skippedSteps = new java.util.ArrayList<>();
        for (int i = 0; i < skips.getLength(); i++) {
            org.w3c.dom.Element c = (org.w3c.dom.Element) skips.item(i).getParentNode();
            if (c.getAttribute("classname").startsWith("verified-schema.verify.V")) {
                skippedSteps.add(c.getAttribute("name") + ": " + ((org.w3c.dom.Element) skips.item(i)).getAttribute("message"));
            }
        }
        assertThat(skippedSteps).as("undo and redo of 6 versions").hasSize(12).containsOnly(
                "undo: undo policy none", "redo: undo policy none");

        assertThat(failing.exitCode()).isEqualTo(1);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("failing.xml"))));
        org.w3c.dom.Element failed = (org.w3c.dom.Element) doc.getElementsByTagName("failure").item(0).getParentNode();
        assertThat(failed.getAttribute("classname") + " " + failed.getAttribute("name"))
                .isEqualTo("verified-schema.verify.V6 undo");
        assertThat(failed.getTextContent()).contains("hm_feedbacks_status_idx");
    }

    @Test
    void verifyFormatsParseAsJsonJunitXmlAndMarkdown(@TempDir Path dir) throws Exception {
        Path junit = dir.resolve("report.xml");
        CliHarness.Run json = cli.run("verify", "--migrations", cli.broken("money-as-double").toString(),
                "--contract", CONTRACT.toString(), "--format", "json");
        CliHarness.Run xml = cli.run("verify", "--migrations", cli.broken("money-as-double").toString(),
                "--contract", CONTRACT.toString(), "--format", "junit", "--output", junit.toString());
        CliHarness.Run md = cli.run("verify", "--migrations", cli.broken("money-as-double").toString(),
                "--contract", CONTRACT.toString(), "--format", "markdown");

        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(root.get("ok").asBoolean()).isFalse();
        assertThat(root.get("findings").findValuesAsText("name")).contains("hm_transactions.amount");
        assertThat(root.at("/data/stairway/violations/0/found").asText()).isEqualTo("double precision");

        assertThat(xml.exitCode()).isEqualTo(1);
        assertThat(xml.out()).isEmpty();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(junit)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuite");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        int tables = ContractLoader.load(CONTRACT).tables().size();
        assertThat(Integer.parseInt(doc.getDocumentElement().getAttribute("tests")))
                .as("forward, undo and redo of 6 versions, the full downgrade, one per contract table")
                .isEqualTo(6 * 3 + 1 + tables);
        assertThat(cases(doc)).contains("verified-schema.verify.V1 forward", "verified-schema.verify.V1 undo",
                "verified-schema.verify.V6 redo", "verified-schema.verify full downgrade",
                "verified-schema.verify.contract hm_transactions", "verified-schema.verify.contract users");
        org.w3c.dom.Element failed = (org.w3c.dom.Element) doc.getElementsByTagName("failure").item(0).getParentNode();
        assertThat(failed.getAttribute("classname") + " " + failed.getAttribute("name"))
                .isEqualTo("verified-schema.verify.contract hm_transactions");
        assertThat(doc.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue())
                .contains("wrong type of column amount");
        org.w3c.dom.Element forward = (org.w3c.dom.Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(forward.getAttribute("time")).as("a step's time, in seconds").matches("\\d+\\.\\d{3}");
        assertThat(forward.getTextContent()).contains("V1__");

        assertThat(md.out()).startsWith("### ❌ verified-schema verify").contains("| ❌ | `hm_transactions.amount` |",
                "| ✅ | `V1` |", "<details>");
    }

    @Test
    void badInputExitsTwoWithAClearMessage(@TempDir Path dir) throws Exception {
        Path contract = dir.resolve("bad.yaml");
        Files.writeString(contract, "tables:\n  users:\n    colums: [id]\n");

        CliHarness.Run missingDir = cli.run("verify", "--migrations", dir.resolve("nope").toString());
        CliHarness.Run badContract = cli.run("verify", "--migrations", MIGRATIONS.toString(), "--contract", contract.toString());
        CliHarness.Run badNames = cli.run("verify", "--migrations", cli.broken("duplicate-version").toString());
        CliHarness.Run unknownOption = cli.run("verify", "--migratoins", "x");
        CliHarness.Run noMigrations = cli.run("verify");

        assertThat(missingDir.exitCode()).isEqualTo(2);
        assertThat(missingDir.err()).contains("--migrations").contains("no such directory");
        assertThat(badContract.exitCode()).isEqualTo(2);
        assertThat(badContract.err()).contains("bad.yaml:3:5: unknown key 'colums'", "did you mean 'columns'?");
        assertThat(badNames.exitCode()).isEqualTo(2);
        assertThat(badNames.err()).contains("version 3 is used twice");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Unknown options: '--migratoins'", "verified-schema verify --help");
        assertThat(noMigrations.exitCode()).isEqualTo(2);
        assertThat(noMigrations.err()).contains("verify needs --migrations DIR");
        assertThat(badContract.err()).doesNotContain("\tat ");
    }

    @Test
    void aSetVerifiedInAnotherSchemaPassesAndNamesThatSchema(@TempDir Path dir) throws Exception {
        Path contract = dir.resolve("app.yaml");
        Files.writeString(contract, Files.readString(CONTRACT).replace("schema: public", "schema: app"));

        CliHarness.Run run = cli.run("verify", "--migrations", MIGRATIONS.toString(), "--contract", contract.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(run.out()).contains("full downgrade passed");
    }

    @Test
    void withoutACommandTheUsageIsShownAndTheExitCodeIsTwo() {
        CliHarness.Run run = cli.run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command: choose one of verify, check, drift");
    }

    @Test
    void aSnapshotFilterThatMatchesNothingStillGivesALoadableContract() {
        CliHarness.Run run = cli.run("snapshot", "--migrations", MIGRATIONS.toString(), "--tables", "nomatch_*");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(ContractLoader.parse(run.out(), "empty.yaml").tables()).isEmpty();
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"verify", "check", "drift", "rehearse", "snapshot", "remediate", "status",
                "history", "upgrade", "downgrade", "lint"}) {
            CliHarness.Run run = cli.run(command, "--help");
            assertThat(run.exitCode()).as(command).isEqualTo(0);
            assertThat(run.out()).as(command).contains("Usage: verified-schema " + command, "--format");
        }
        assertThat(cli.run("--help").out()).contains("Exit codes:", "3   environment");
    }

    @Test
    void checkOfTheIncidentDatabaseNamesBothConsentColumnsAndRemediateRepairsIt(@TempDir Path dir) throws Exception {
        String production = cli.production("4");
        String url = cli.url(production);

        CliHarness.Run check = cli.run("check", "--url", url, "--contract", CONTRACT.toString());
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("users.consent_data_storage: missing column consent_data_storage",
                "users.consent_updated_at: missing column consent_updated_at",
                "ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_updated_at timestamp without time zone;");

        CliHarness.Run sql = cli.run("remediate", "--url", url, "--contract", CONTRACT.toString());
        assertThat(sql.exitCode()).isEqualTo(0);
        assertThat(sql.out()).startsWith("ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_data_storage boolean");

        CliHarness.Run draft = cli.run("remediate", "--url", url, "--contract", CONTRACT.toString(),
                "--as-migration", dir.toString());
        assertThat(draft.out()).contains("Wrote the draft migration").contains("V1__remediate_schema.sql");
        assertThat(Files.readString(dir.resolve("V1__remediate_schema.sql"))).contains("consent_updated_at");

        try (var c = cli.server().dataSource(production).getConnection(); var s = c.createStatement()) {
            s.execute(sql.out());
        }
        assertThat(cli.run("check", "--url", url, "--contract", CONTRACT.toString()).exitCode()).isEqualTo(0);
        cli.server().dropDatabase(production);
    }

    @Test
    void aServerWithoutSslIsExplainedAsSuchNotAsUnreachable() {
        String database = cli.server().createDatabase(null);
        try {
            CliHarness.Run run = cli.run("check", "--url", cli.url(database) + "&sslmode=require",
                    "--contract", CONTRACT.toString());

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("the server does not accept SSL connections: drop sslmode=require")
                    .doesNotContain("cannot be reached");
        } finally {
            cli.server().dropDatabase(database);
        }
    }

    @Test
    void passwordsNeverAppearAndConnectionFailuresExitThree() {
        cli.env.put("DB_PASSWORD", "hunter2-secret");
        // the password from the environment is masked wherever it appears, even where the driver
        // echoes it back for another reason (here it is also the name of the database asked for)
        CliHarness.Run unreachable = cli.run("check", "--url",
                "jdbc:postgresql://127.0.0.1:1/hunter2-secret?connectTimeout=2",
                "--user", "app", "--password-env", "DB_PASSWORD", "--contract", CONTRACT.toString(), "--debug");
        CliHarness.Run inUrl = cli.run("check", "--url",
                "jdbc:postgresql://127.0.0.1:1/app?user=app&password=hunter2-secret&connectTimeout=2",
                "--contract", CONTRACT.toString());
        CliHarness.Run unsetVariable = cli.run("check", "--url", "jdbc:postgresql://127.0.0.1:1/app",
                "--password-env", "NOT_SET_ANYWHERE", "--contract", CONTRACT.toString());

        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.err()).contains("Cannot connect to jdbc:postgresql://127.0.0.1:1/****",
                "the server cannot be reached");
        assertThat(inUrl.exitCode()).isEqualTo(3);
        assertThat(inUrl.err()).contains("password=****");
        assertThat(unreachable.out() + unreachable.err() + inUrl.out() + inUrl.err()).doesNotContain("hunter2");
        assertThat(unsetVariable.exitCode()).isEqualTo(2);
        assertThat(unsetVariable.err()).contains("the environment variable NOT_SET_ANYWHERE is not set")
                .doesNotContain("\tat ");
    }

    @Test
    void snapshotOfAMigrationSetIsAContractThatSchemaHonours() {
        CliHarness.Run run = cli.run("snapshot", "--migrations", MIGRATIONS.toString(), "--tables", "hm_*");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("hm_transactions:", "mode: exact", "  users:    # referenced by a foreign key above")
                .doesNotContain("  users:\n    mode: exact");

        var contract = ContractLoader.parse(run.out(), "snapshot.yaml");
        assertThat(contract.tables()).containsOnlyKeys("hm_feedbacks", "hm_match_records", "hm_transactions",
                "hm_usage_records", "users");
        assertThat(contract.tables().get("users").columns()).containsOnlyKeys("id");
        String production = cli.production("6");
        try {
            Path file = Path.of("target", "snapshot-contract.yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, run.out(), StandardCharsets.UTF_8);
            CliHarness.Run check = cli.run("check", "--url", cli.url(production), "--contract", file.toString());
            assertThat(check.exitCode()).as(check.out()).isEqualTo(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            cli.server().dropDatabase(production);
        }
    }

    private static java.util.List<String> cases(Document doc) {
        java.util.List<String> names = new java.util.ArrayList<>();
        org.w3c.dom.NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            org.w3c.dom.Element c = (org.w3c.dom.Element) cases.item(i);
            names.add(c.getAttribute("classname") + " " + c.getAttribute("name"));
        }
        return names;
    }
}
