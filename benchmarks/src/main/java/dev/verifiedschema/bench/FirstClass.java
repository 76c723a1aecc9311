package dev.verifiedschema.bench;

import dev.verifiedschema.junit.VerifiedSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * P11: the first {@code @VerifiedSchema} class of a fresh test JVM, from the start of the JUnit
 * engine to the first line of its first test method, against the test a team writes without the
 * toolkit: a class that, in {@code @BeforeAll}, connects to a PostgreSQL server that is already running
 * and migrates a fresh database with plain Flyway. Each side runs in a child JVM of its own, started as
 * Surefire starts a fork (default JVM options), on the TalentAI set.
 */
final class FirstClass {
    static final String URL = "p11.url";
    static final String LOCATION = "p11.location";
    private static volatile long firstLine;

    private FirstClass() {
    }

    @VerifiedSchema
    static class Verified {
        @Test
        void first(DataSource db) throws SQLException {
            firstLine = System.nanoTime();
            try (Connection c = db.getConnection()) {
                c.createStatement().execute("select count(*) from hm_transactions");
            }
        }
    }

    static class Plain {
        static DataSource db;

        @BeforeAll
        static void migrate() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(System.getProperty(URL));
            dataSource.setUser("postgres");
            PlainFlyway.migrate(dataSource, System.getProperty(LOCATION));
            db = dataSource;
        }

        @Test
        void first() throws SQLException {
            firstLine = System.nanoTime();
            try (Connection c = db.getConnection()) {
                c.createStatement().execute("select count(*) from hm_transactions");
            }
        }
    }

    static Result p11(Env env) throws Exception {
        int rounds = env.quick ? 3 : 7;
        Stats verified = new Stats();
        Stats plain = new Stats();
        Stats linted = new Stats();
        child(env, "verified", List.of()); // warm-up: the page cache, the initdb template
        for (int i = 0; i < rounds; i++) {
            String database = env.server.createDatabase(null);
            try {
                plain.add(child(env, "plain", List.of("-D" + URL + "=" + env.server.jdbcUrl(database),
                        "-D" + LOCATION + "=" + env.talentaiMigrations())));
            } finally {
                env.server.dropDatabase(database);
            }
            verified.add(child(env, "verified", List.of()));
            linted.add(child(env, "linted", List.of()));
        }
        double ratio = verified.median() / plain.median();
        return Result.ratio("P11", "first_verified_class_vs_plain_flyway_class", Stats.round2(ratio), "<=", 2,
                Result.details("verified_first_line_median_ms", Stats.round(verified.median()),
                        "plain_first_line_median_ms", Stats.round(plain.median()),
                        "with_design_lint_median_ms", Stats.round(linted.median()),
                        "with_design_lint_ratio", Stats.round2(linted.median() / plain.median()), "runs", rounds));
    }

    private static double child(Env env, String mode, List<String> jvmOptions) throws Exception {
        String out = env.runChild(env.childCommand(jvmOptions, "--child", "p11", "--root", env.root.toString(),
                "--temp", env.temp.toString(), mode));
        return Double.parseDouble(Env.field(out, "first_line_ms"));
    }

    /** The P11 child: runs one class and prints {@code first_line_ms=...} from the engine's start. */
    static void p11Child(Env env, String mode) {
        long start = System.nanoTime();
        if (mode.equals("verified") || mode.equals("linted")) {
            Map<String, String> parameters = new java.util.HashMap<>(Map.of("verifiedschema.provider", "embedded",
                    "verifiedschema.migrations", env.talentaiMigrations(),
                    "verifiedschema.contract", env.talentaiContractPath().toString(),
                    "verifiedschema.reportDir", env.temp.resolve("reports").toString()));
            if (mode.equals("linted")) {
                parameters.put("verifiedschema.designLint", "on");
            }
            Junit.run(parameters, Verified.class);
        } else {
            Junit.run(Map.of(), Plain.class);
        }
        System.out.println("first_line_ms=" + Math.round((firstLine - start) / 1e6));
    }
}
