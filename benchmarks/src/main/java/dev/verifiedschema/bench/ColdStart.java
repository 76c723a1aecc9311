package dev.verifiedschema.bench;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P9: the README's first command as a user runs it, a whole process (the launcher, a fresh JVM, the
 * embedded server started and stopped), against the process a team would otherwise run: a fresh JVM
 * that runs a plain Flyway migrate of the same set against a server that is already running.
 */
final class ColdStart {
    /** The date format the command line's log lines get for this measure, to place them on one clock. */
    static final String STAMP = "yyyyMMddHHmmssSSS";
    private static final DateTimeFormatter STAMP_FORMAT = DateTimeFormatter.ofPattern(STAMP);
    private static final Pattern STAMPED = Pattern.compile("^(\\d{17}) (\\w+) (\\w+) - (.*)$");
    private static final Pattern STAIRWAY_MS = Pattern.compile(" in (\\d+) ms: ");

    private ColdStart() {
    }

    /** One timed process of the command line, with where its time went. */
    record Run(double wallMs, double launchToMainMs, double mainToServerReadyMs, double stairwayMs,
               double afterStairwayMs) {
    }

    static Result p9(Env env) throws Exception {
        int rounds = env.quick ? 3 : 7;
        Path launcher = env.root.resolve("verified-schema");
        Env.log("P9: one untimed run of the launcher first (it builds the jar if sources changed, and records its "
                + "class archive if there is none)");
        verify(env, launcher);
        Stats verify = new Stats();
        Stats plain = new Stats();
        Stats toMain = new Stats();
        Stats toReady = new Stats();
        Stats stairway = new Stats();
        Stats after = new Stats();
        Stats linted = new Stats();
        for (int i = 0; i < rounds; i++) {
            plain.add(plainFlyway(env));
            linted.add(verify(env, launcher, "--design-lint", "on").wallMs());
            Run run = verify(env, launcher);
            verify.add(run.wallMs());
            toMain.add(run.launchToMainMs());
            toReady.add(run.mainToServerReadyMs());
            stairway.add(run.stairwayMs());
            after.add(run.afterStairwayMs());
        }
        double ratio = verify.median() / plain.median();
        return Result.ratio("P9", "cold_verify_vs_plain_flyway_process", Stats.round2(ratio), "<=", 1.5,
                Result.details("verify_process_median_ms", Stats.round(verify.median()),
                        "plain_flyway_process_median_ms", Stats.round(plain.median()), "runs", rounds,
                        "launch_to_main_ms", Stats.round(toMain.median()),
                        "main_to_server_ready_ms", Stats.round(toReady.median()),
                        "stairway_ms", Stats.round(stairway.median()),
                        "stop_and_exit_ms", Stats.round(after.median()),
                        "with_design_lint_median_ms", Stats.round(linted.median()),
                        "with_design_lint_ratio", Stats.round2(linted.median() / plain.median()),
                        "class_archive", archivePresent(env.root)));
    }

    private static boolean archivePresent(Path root) throws IOException {
        try (var files = Files.list(root.resolve("cli/target"))) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".jsa"));
        }
    }

    /** The README's first command, timed from the bench's clock; the parts from its stamped log lines. */
    static Run verify(Env env, Path launcher, String... more) throws IOException, InterruptedException {
        Path err = Files.createTempFile(env.temp, "p9-", ".err");
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString(), "verify",
                "--migrations", "migration-tests/src/main/resources/db/migration",
                "--contract", "migration-tests/src/main/resources/talentai-contract.yaml"));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(env.root.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().put("VERIFIED_SCHEMA_JAVA_OPTS", "-Dorg.slf4j.simpleLogger.showDateTime=true"
                + " -Dorg.slf4j.simpleLogger.dateTimeFormat=" + STAMP
                + " -Dorg.slf4j.simpleLogger.log.dev.verifiedschema.cli.VerifiedSchemaCli=debug");
        long launched = System.currentTimeMillis();
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        double wall = Stats.since(start);
        long ended = launched + Math.round(wall);
        List<String> lines = Files.readAllLines(err);
        Files.delete(err);
        if (exit != 0) {
            throw new IllegalStateException("the README's first command exited with " + exit + ":\n"
                    + String.join("\n", lines));
        }
        return parts(lines, launched, ended, wall);
    }

    /** Where a run's time went, from its log lines stamped with {@value #STAMP}. */
    static Run parts(List<String> lines, long launched, long ended, double wall) {
        long main = -1;
        long ready = -1;
        long verified = -1;
        double stairway = -1;
        for (String line : lines) {
            Matcher m = STAMPED.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long at = LocalDateTime.parse(m.group(1), STAMP_FORMAT).atZone(ZoneId.systemDefault()).toInstant()
                    .toEpochMilli();
            String logger = m.group(3);
            String message = m.group(4);
            if (logger.equals("VerifiedSchemaCli") && message.startsWith("verified-schema running")) {
                main = at;
            } else if (logger.equals("EmbeddedServer") && message.startsWith("Started ")) {
                ready = at;
            } else if (logger.equals("StairwayRun") && message.startsWith("Verified ")) {
                verified = at;
                Matcher ms = STAIRWAY_MS.matcher(message);
                stairway = ms.find() ? Double.parseDouble(ms.group(1)) : -1;
            }
        }
        if (main < 0 || ready < 0 || verified < 0 || stairway < 0) {
            throw new IllegalStateException("the command line's log lost a line this measure reads (running, "
                    + "Started, Verified):\n" + String.join("\n", lines));
        }
        return new Run(wall, main - launched, ready - main, stairway, ended - verified);
    }

    /** A fresh JVM that migrates the TalentAI set with plain Flyway on the running server; its wall time. */
    static double plainFlyway(Env env) throws IOException, InterruptedException {
        String database = env.server.createDatabase(null);
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", minimalClasspath(System.getProperty("java.class.path")), PlainFlywayProcess.class.getName(),
                    env.server.jdbcUrl(database), env.talentaiMigrations()));
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            int exit = process.waitFor();
            double wall = Stats.since(start);
            if (exit != 0) {
                throw new IllegalStateException("the plain Flyway process exited with " + exit + ":\n" + output);
            }
            return wall;
        } finally {
            env.server.dropDatabase(database);
        }
    }

    /**
     * What an application that runs Flyway has on its class path: this module's classes (for the main
     * class), Flyway with its PostgreSQL support and Jackson, the driver, SLF4J. Not the benchmarks'
     * whole class path: every further jar would slow the baseline's class loading.
     */
    static String minimalClasspath(String classpath) {
        List<String> keep = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (!entry.endsWith(".jar") || name.startsWith("flyway-core-") || name.startsWith("flyway-database-postgresql-")
                    || name.startsWith("postgresql-") || name.startsWith("jackson-") || name.startsWith("slf4j-")) {
                keep.add(entry);
            }
        }
        return String.join(File.pathSeparator, keep);
    }

    /** The plain process: {@code PlainFlywayProcess <jdbc-url> <location>}, user postgres. */
    static final class PlainFlywayProcess {
        private PlainFlywayProcess() {
        }

        public static void main(String[] args) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(args[0]);
            dataSource.setUser("postgres");
            PlainFlyway.migrate(dataSource, args[1]);
        }
    }
}
