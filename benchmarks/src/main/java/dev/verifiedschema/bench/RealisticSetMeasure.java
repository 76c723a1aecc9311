package dev.verifiedschema.bench;

import dev.verifiedschema.bench.realistic.Migration;
import dev.verifiedschema.bench.realistic.RealisticSet;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.Stairway;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.migrate.StepResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * P10: the default stairway of the realistic 300-version set ({@link RealisticSet}, the committed
 * files) ÷ a plain {@code Flyway.migrate()} of the same files, each on a fresh database, interleaved,
 * medians of five rounds (one in a quick run) after a warm-up round: on the shared machine one round's
 * stairway took anything from 11 to 24 s. The same rounds time the
 * stairway of the set's first 150 versions, for the growth figure: 300 versions ÷ 150 (2 when the cost
 * grows linearly with the number of versions), and every script the stairway runs with none of its
 * checks ({@link ScriptsOnly}), which says how much of the ratio is the checking. The parts of the 300-version stairway come from its
 * report: the sums of every version's forward, undo and redo times, and the rest (loading the set,
 * Flyway's set-up, the first snapshot and the full downgrade); and the time of the versions of its first
 * and its second half, which are equal when a version costs the same however large the schema already is.
 */
final class RealisticSetMeasure {
    static final int HALF = RealisticSet.VERSIONS / 2;

    private RealisticSetMeasure() {
    }

    static Result p10(Env env) throws IOException {
        int runs = env.quick ? 1 : 5;
        String full = "filesystem:" + env.root.resolve(RealisticSet.COMMITTED);
        String half = "filesystem:" + prefix(env, HALF);
        String warmUpSet = "filesystem:" + prefix(env, 50);
        Stats stairway = new Stats();
        Stats stairwayHalf = new Stats();
        Stats migrate = new Stats();
        Stats scripts = new Stats();
        Stats forward = new Stats();
        Stats undo = new Stats();
        Stats redo = new Stats();
        Stats rest = new Stats();
        Stats firstHalf = new Stats();
        Stats secondHalf = new Stats();
        stairway(env, warmUpSet);
        migrate(env, full);
        for (int i = 0; i < runs; i++) {
            // the four take turns at going first, as in P1
            for (int k = 0; k < 4; k++) {
                switch ((i + k) % 4) {
                    case 0 -> {
                        long start = System.nanoTime();
                        StairwayReport report = stairway(env, full);
                        double ms = Stats.since(start);
                        stairway.add(ms);
                        long f = report.steps().stream().mapToLong(StepResult::forwardMs).sum();
                        long u = report.steps().stream().mapToLong(StepResult::undoMs).sum();
                        long r = report.steps().stream().mapToLong(StepResult::redoMs).sum();
                        forward.add(f);
                        undo.add(u);
                        redo.add(r);
                        rest.add(ms - f - u - r);
                        firstHalf.add(stepsMs(report.steps().subList(0, HALF)));
                        secondHalf.add(stepsMs(report.steps().subList(HALF, report.steps().size())));
                    }
                    case 1 -> {
                        long start = System.nanoTime();
                        stairway(env, half);
                        stairwayHalf.add(Stats.since(start));
                    }
                    case 2 -> scripts.add(scriptsOnly(env));
                    default -> migrate.add(migrate(env, full));
                }
            }
            Env.log("P10 round " + (i + 1) + ": stairway " + RealisticSet.VERSIONS + " versions "
                    + Math.round(stairway.median()) + " ms, " + HALF + " versions " + Math.round(stairwayHalf.median())
                    + " ms, migrate " + Math.round(migrate.median()) + " ms (medians so far)");
        }
        return Result.ratio("P10", "stairway_vs_migrate_" + RealisticSet.VERSIONS + "_versions",
                stairway.median() / migrate.median(), "<=", 4, Result.details(
                        "stairway_median_ms", Stats.round(stairway.median()),
                        "migrate_median_ms", Stats.round(migrate.median()),
                        "scripts_only_median_ms", Stats.round(scripts.median()),
                        "scripts_only_ratio", Stats.round2(scripts.median() / migrate.median()),
                        "stairway_vs_scripts_only", Stats.round2(stairway.median() / scripts.median()),
                        "stairway" + HALF + "_median_ms", Stats.round(stairwayHalf.median()),
                        "growth_" + RealisticSet.VERSIONS + "_vs_" + HALF, Stats.round2(stairway.median() / stairwayHalf.median()),
                        "forward_ms", Stats.round(forward.median()), "undo_ms", Stats.round(undo.median()),
                        "redo_ms", Stats.round(redo.median()), "rest_ms", Stats.round(rest.median()),
                        "versions_1_" + HALF + "_ms", Stats.round(firstHalf.median()),
                        "versions_" + (HALF + 1) + "_" + RealisticSet.VERSIONS + "_ms", Stats.round(secondHalf.median()),
                        "versions", RealisticSet.VERSIONS, "runs", runs, "warmup_rounds", 1));
    }

    /** Forward, undo and redo time of these versions. */
    private static double stepsMs(List<StepResult> steps) {
        return steps.stream().mapToLong(st -> st.forwardMs() + st.undoMs() + st.redoMs()).sum();
    }

    /** The default stairway of a set on a fresh database; throws when it does not pass. */
    private static StairwayReport stairway(Env env, String location) {
        String db = env.server.createDatabase(null);
        try {
            return Stairway.of(MigrationSet.load(List.of(location))).run(env.server.dataSource(db));
        } finally {
            env.server.dropDatabase(db);
        }
    }

    private static double migrate(Env env, String location) {
        String db = env.server.createDatabase(null);
        try {
            long start = System.nanoTime();
            PlainFlyway.migrate(env.server.dataSource(db), location);
            return Stats.since(start);
        } finally {
            env.server.dropDatabase(db);
        }
    }

    /** Every script the stairway runs, nothing it checks ({@link ScriptsOnly}), on a fresh database. */
    private static double scriptsOnly(Env env) {
        String db = env.server.createDatabase(null);
        try {
            long start = System.nanoTime();
            ScriptsOnly.run(env.server.dataSource(db), env.root.resolve(RealisticSet.COMMITTED));
            return Stats.since(start);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the scripts-only run of the realistic set failed: " + e.getMessage(), e);
        } finally {
            env.server.dropDatabase(db);
        }
    }

    /** The committed files of the set's first {@code n} versions, copied to the run's temp directory. */
    private static Path prefix(Env env, int n) throws IOException {
        Path committed = env.root.resolve(RealisticSet.COMMITTED);
        Path dir = Files.createDirectories(env.temp.resolve("realistic-" + n));
        for (Migration m : RealisticSet.migrations(n)) {
            Files.copy(committed.resolve(m.forwardFile()), dir.resolve(m.forwardFile()));
            Files.copy(committed.resolve(m.undoFile()), dir.resolve(m.undoFile()));
        }
        return dir;
    }
}
