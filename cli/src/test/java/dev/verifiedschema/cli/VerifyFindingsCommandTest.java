package dev.verifiedschema.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code verify} reports every finding, stops early on request, and adopts a set through a baseline. */
class VerifyFindingsCommandTest {
    /** The engine's test sets as its build lays them out (variants filled in from their base set). */
    private static final Path SETS = Path.of("..", "migration-verifier", "target", "test-classes", "sets");
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
    void everyBrokenStepIsListedAndTheRunExitsOne() {
        CliHarness.Run run = cli.run("verify", "--migrations", SETS.resolve("several-broken").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("FAILED: Migration set").contains("failed verification with 3 findings",
                "  - V2 undo (U2__orders.sql): undo of V2 did not restore the schema of V1",
                "  - V3 undo (U3__customer_status.sql): undo of V3 failed",
                "  - V5 undo (U5__lowercase_emails.sql): undo of V5 lost or changed data",
                "V6 order placed at: forward");
    }

    @Test
    void failFastStopsAtTheFirstFinding() {
        CliHarness.Run run = cli.run("verify", "--fail-fast", "--migrations", SETS.resolve("several-broken").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("failed verification at the undo step of V2 (U2__orders.sql)")
                .doesNotContain("V3 undo", "V5 undo");
    }

    @Test
    void aMissingUndoScriptIsAFindingExitOneNotBadInput() {
        CliHarness.Run run = cli.run("verify", "--migrations", SETS.resolve("missing-undo").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("V2 undo (V2__orders.sql)", "has no undo script U2__*.sql");
    }

    @Test
    void aWrittenBaselineAcceptsTodaysFindingsAndTheNextRunPasses(@TempDir Path dir) throws Exception {
        Path baseline = dir.resolve("stairway-baseline.json");
        String set = SETS.resolve("several-broken").toString();

        CliHarness.Run write = cli.run("verify", "--migrations", set, "--write-baseline", baseline.toString());
        assertThat(write.exitCode()).as(write.out()).isEqualTo(0);
        assertThat(write.out()).startsWith("OK: Baseline of 3 findings written to " + baseline);
        assertThat(Files.readString(baseline)).contains("\"version\" : \"3\"", "\"kind\" : \"undo-failed\"");

        CliHarness.Run adopted = cli.run("verify", "--migrations", set, "--baseline", baseline.toString());
        assertThat(adopted.exitCode()).as(adopted.out()).isEqualTo(0);
        assertThat(adopted.out()).contains("3 accepted findings below", "Accepted findings (reported, not failed):",
                "V2 undo (U2__orders.sql) [in baseline " + baseline + "]");

        CliHarness.Run both = cli.run("verify", "--migrations", set, "--baseline", baseline.toString(),
                "--write-baseline", baseline.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--baseline and --write-baseline exclude each other");
        CliHarness.Run halting = cli.run("verify", "--migrations", set, "--fail-fast", "--write-baseline",
                baseline.toString());
        assertThat(halting.exitCode()).isEqualTo(2);
        assertThat(halting.err()).contains("--fail-fast and --write-baseline exclude each other");
    }
}
