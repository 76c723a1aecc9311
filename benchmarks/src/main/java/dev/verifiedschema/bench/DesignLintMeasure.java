package dev.verifiedschema.bench;

import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.crawler.DesignLint;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.migrate.LiveMigrations;
import dev.verifiedschema.migrate.MigrationSet;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;

/**
 * P12: what the design lint's head read costs. The lint of the 1000-table schema (connect, crawl with
 * SchemaCrawler, every default rule, close) ÷ the toolkit's own snapshot of the same schema, interleaved;
 * and, reported beside it, the lint of the TalentAI head and that head's snapshot.
 */
final class DesignLintMeasure {
    private static final String P12 = "design_lint_1000_tables_vs_snapshot";

    private DesignLintMeasure() {
    }

    static Result p12(Env env, String wide) throws Exception {
        int runs = env.quick ? 3 : 7;
        String talentai = env.server.createDatabase(null);
        try {
            MigrationSet set = MigrationSet.load(List.of(env.talentaiMigrations()));
            LiveMigrations.of(env.server.dataSource(talentai), set, "public")
                    .migrateTo(set.forwards().get(set.forwards().size() - 1).version());
            DataSource wideDb = env.server.dataSource(wide);
            DataSource talentaiDb = env.server.dataSource(talentai);
            Stats lintWide = new Stats();
            Stats snapshotWide = new Stats();
            Stats lintTalentai = new Stats();
            Stats snapshotTalentai = new Stats();
            double first = lint(talentaiDb); // the first lint of the JVM: SchemaCrawler's classes load
            for (int i = -1; i < runs; i++) {
                double lw = lint(wideDb);
                double sw = snapshot(wideDb);
                double lt = lint(talentaiDb);
                double st = snapshot(talentaiDb);
                if (i >= 0) {
                    lintWide.add(lw);
                    snapshotWide.add(sw);
                    lintTalentai.add(lt);
                    snapshotTalentai.add(st);
                }
            }
            return Result.ratio("P12", P12, lintWide.median() / snapshotWide.median(), "<=", 25, Result.details(
                    "lint_1000_tables_median_ms", Stats.round(lintWide.median()),
                    "snapshot_1000_tables_median_ms", Stats.round(snapshotWide.median()),
                    "lint_talentai_median_ms", Stats.round(lintTalentai.median()),
                    "snapshot_talentai_median_ms", Stats.round(snapshotTalentai.median()),
                    "first_lint_of_the_jvm_ms", Stats.round(first), "runs", runs));
        } finally {
            env.server.dropDatabase(talentai);
        }
    }

    private static double lint(DataSource database) throws Exception {
        long start = System.nanoTime();
        try (Connection c = database.getConnection()) {
            DesignLint.run(c, "public", DesignLintSettings.DEFAULT);
        }
        return Stats.since(start);
    }

    private static double snapshot(DataSource database) throws Exception {
        long start = System.nanoTime();
        try (Connection c = database.getConnection()) {
            SchemaInspector.create().inspect(c, "public");
        }
        return Stats.since(start);
    }
}
