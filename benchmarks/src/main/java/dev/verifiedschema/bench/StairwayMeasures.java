package dev.verifiedschema.bench;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.migrate.FixtureSet;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.Stairway;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** P1 (stairway against plain migrate) and P3 (how verification grows with the number of migrations). */
final class StairwayMeasures {
    private StairwayMeasures() {
    }

    /**
     * P1: the full stairway verify of the TalentAI set ÷ plain Flyway migrate of it, both on fresh
     * databases. The stairway is the README's main job, as the issue defines P1: forward, snapshot,
     * undo, compare, redo, compare per version, the contract at head, and the full downgrade that a
     * stairway runs by default. The same rounds also time the stairway with the TalentAI fixtures
     * loaded after their versions (the proof suite's configuration, which adds loading the data and
     * proving every undo and redo keeps it), reported on the {@code #} line with its own ratio.
     *
     * <p>Medians of fifteen rounds (nine in a quick run): the migrate side is short, and seven rounds
     * left its median at the mercy of a busy moment. Five rounds before them warm the JVM up and are
     * not counted (JMH's default number of warm-up iterations): before the JIT has compiled Flyway's
     * and the toolkit's code, a round measures the compiler more than either. The first round's times
     * are reported too.
     */
    static Result p1(Env env) {
        int runs = env.quick ? 9 : 15;
        int warmUp = 5;
        Contract contract = env.talentaiContract();
        Stats stairway = new Stats();
        Stats withFixtures = new Stats();
        Stats migrate = new Stats();
        Stats linted = new Stats();
        double firstStairway = 0;
        double firstMigrate = 0;
        for (int i = -warmUp; i < runs; i++) {
            // the four take turns at going first, so that none always runs on a machine the others
            // warmed; the very first round starts with the stairway, whose time is then the coldest
            double[] times = new double[4];
            for (int k = 0; k < 4; k++) {
                int which = Math.floorMod(i + warmUp + k, 4);
                times[which] = switch (which) {
                    case 0 -> verifyTalentai(env, contract, false, null);
                    case 1 -> verifyTalentai(env, contract, true, null);
                    case 2 -> migrateTalentai(env);
                    default -> verifyTalentai(env, contract, false, DesignLintSettings.DEFAULT);
                };
            }
            if (i == -warmUp) {
                firstStairway = times[0];
                firstMigrate = times[2];
            }
            if (i >= 0) {
                stairway.add(times[0]);
                withFixtures.add(times[1]);
                migrate.add(times[2]);
                linted.add(times[3]);
            }
        }
        double ratio = stairway.median() / migrate.median();
        return Result.ratio("P1", "stairway_vs_migrate", ratio, "<=", 3, 4, env.quick, Result.details(
                "stairway_median_ms", Stats.round(stairway.median()), "migrate_median_ms",
                Stats.round(migrate.median()), "with_fixtures_median_ms", Stats.round(withFixtures.median()),
                "with_fixtures_ratio", Stats.round2(withFixtures.median() / migrate.median()),
                "with_design_lint_median_ms", Stats.round(linted.median()),
                "with_design_lint_ratio", Stats.round2(linted.median() / migrate.median()),
                "design_lint_ms", Stats.round(linted.median() - stairway.median()), "runs", runs,
                "warmup_rounds", warmUp, "first_round_stairway_ms", Stats.round(firstStairway),
                "first_round_migrate_ms", Stats.round(firstMigrate)));
    }

    /**
     * Loads the set (and, when asked, the fixtures) and runs the whole stairway (contract, full
     * downgrade) on a fresh database.
     */
    static double verifyTalentai(Env env, Contract contract, boolean fixtures, DesignLintSettings designLint) {
        String db = env.server.createDatabase(null);
        try {
            long start = System.nanoTime();
            Stairway stairway = Stairway.of(MigrationSet.load(List.of(env.talentaiMigrations()))).withContract(contract);
            if (fixtures) {
                stairway = stairway.withFixtures(FixtureSet.load(env.talentaiFixtures()));
            }
            if (designLint != null) {
                stairway = stairway.withDesignLint(designLint);
            }
            stairway.run(env.server.dataSource(db));
            return Stats.since(start);
        } finally {
            env.server.dropDatabase(db);
        }
    }

    /** Plain Flyway migrate of the TalentAI set on a fresh database, as an application would run it. */
    static double migrateTalentai(Env env) {
        String db = env.server.createDatabase(null);
        try {
            long start = System.nanoTime();
            PlainFlyway.migrate(env.server.dataSource(db), env.talentaiMigrations());
            return Stats.since(start);
        } finally {
            env.server.dropDatabase(db);
        }
    }

    /**
     * P3: verify of a synthetic 200-migration set ÷ verify of a 50-migration set. A quick run uses 100
     * and 25 migrations (the same 4:1), named so in its line, to stay within its time budget.
     */
    static Result p3(Env env) throws IOException {
        int large = env.quick ? 100 : 200;
        int small = large / 4;
        int runs = env.quick ? 1 : 5;
        Path largeSet = SyntheticSet.write(env.temp.resolve("synthetic-" + large), large);
        Path smallSet = SyntheticSet.write(env.temp.resolve("synthetic-" + small), small);
        verify(env, SyntheticSet.write(env.temp.resolve("synthetic-warmup"), 10)); // warm-up
        Stats big = new Stats();
        Stats little = new Stats();
        for (int i = 0; i < runs; i++) {
            little.add(verify(env, smallSet));
            big.add(verify(env, largeSet));
            Env.log("P3 run " + (i + 1) + ": " + small + " migrations " + Math.round(little.median()) + " ms, "
                    + large + " migrations " + Math.round(big.median()) + " ms");
        }
        double ratio = big.median() / little.median();
        return Result.ratio("P3", "verify_" + large + "_vs_" + small + "_migrations", ratio, "<=", 4.4, 5, env.quick, Result.details(
                "verify" + large + "_median_ms", Stats.round(big.median()), "verify" + small + "_median_ms",
                Stats.round(little.median()), "runs", runs));
    }

    static double verify(Env env, Path set) {
        String db = env.server.createDatabase(null);
        try {
            long start = System.nanoTime();
            Stairway.of(MigrationSet.load(List.of("filesystem:" + set))).run(env.server.dataSource(db));
            return Stats.since(start);
        } finally {
            env.server.dropDatabase(db);
        }
    }

    /**
     * A deterministic migration set of {@code n} versions over a growing schema: two of every three
     * versions create a table (primary key, a foreign key to the table before, an index, five
     * columns), every third adds a column to the newest table; every version has an exact undo.
     */
    static final class SyntheticSet {
        private SyntheticSet() {
        }

        static Path write(Path dir, int n) throws IOException {
            Files.createDirectories(dir);
            int lastTable = 0;
            for (int v = 1; v <= n; v++) {
                String forward;
                String undo;
                if (v % 3 == 0 && lastTable > 0) {
                    forward = "ALTER TABLE s" + lastTable + " ADD COLUMN extra_" + v + " integer NOT NULL DEFAULT " + v
                            + ";\n";
                    undo = "ALTER TABLE s" + lastTable + " DROP COLUMN extra_" + v + ";\n";
                } else {
                    String reference = lastTable == 0 ? "" : " REFERENCES s" + lastTable + " (id)";
                    lastTable = v;
                    forward = "CREATE TABLE s" + v + " (\n    id bigint PRIMARY KEY,\n    parent_id bigint" + reference
                            + ",\n    name varchar(100) NOT NULL,\n    amount numeric(12,2) NOT NULL DEFAULT 0,\n"
                            + "    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP\n);\n"
                            + "CREATE INDEX s" + v + "_parent_idx ON s" + v + " (parent_id);\n";
                    undo = "DROP TABLE s" + v + ";\n";
                }
                Files.writeString(dir.resolve(String.format("V%d__step_%d.sql", v, v)), forward);
                Files.writeString(dir.resolve(String.format("U%d__step_%d.sql", v, v)), undo);
            }
            return dir;
        }
    }
}
