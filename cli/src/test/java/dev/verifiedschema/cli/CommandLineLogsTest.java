package dev.verifiedschema.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a user starts it (its own JVM, its main method): stderr carries the toolkit's progress
 * and keeps Flyway and the embedded server quiet unless --debug; stdout carries only the report.
 */
class CommandLineLogsTest {

    record Output(int exitCode, String out, String err) {
    }

    private static Output verify(String... extra) throws IOException, InterruptedException {
        Path out = Files.createTempFile("vs-out", ".txt");
        Path err = Files.createTempFile("vs-err", ".txt");
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), VerifiedSchemaCli.class.getName(), "verify",
                    "--migrations", CliHarness.MIGRATIONS.toString(), "--contract", CliHarness.CONTRACT.toString()));
            command.addAll(List.of(extra));
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the command finished").isTrue();
            return new Output(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void progressGoesToStderrAndFlywayStaysQuiet() throws Exception {
        Output run = verify();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("OK: Verified").doesNotContain("INFO");
        assertThat(run.err()).contains("PostgreSQL provider: embedded", "Started embedded PostgreSQL",
                        "checked V1 users baseline", "[1 of 6, ", "[6 of 6, ")
                .doesNotContain("flywaydb", "Successfully applied", "initdb completed",
                        "The files belonging to this database system", "[main]");
    }

    @Test
    void theCrossCheckRunsOnRequestAndSaysHowMuchBothReadersAgreeOn() throws Exception {
        Output checked = verify("--cross-check");
        Output plain = verify();

        assertThat(checked.exitCode()).as(checked.err()).isZero();
        assertThat(checked.err()).containsPattern("cross-check of schema public: the toolkit's reading and JDBC's "
                + "metadata agree on (\\d+) of \\1 tables, columns, keys and indexes");
        assertThat(plain.err()).doesNotContain("cross-check");
    }

    @Test
    void debugShowsFlywayToo() throws Exception {
        Output run = verify("--debug");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("checked V1 users baseline").containsIgnoringCase("flyway");
        assertThat(run.err().lines().filter(l -> l.contains("DbMigrate") || l.contains("FlywayExecutor")).count())
                .isPositive();
    }
}
