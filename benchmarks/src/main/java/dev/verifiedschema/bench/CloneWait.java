package dev.verifiedschema.bench;

import dev.verifiedschema.junit.VerifiedSchema;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * P2: Flyway clean+migrate of the TalentAI set (the per-test reset many suites use) ÷ the time a
 * {@code @VerifiedSchema(isolation = METHOD)} test waits for its own fresh database, which the
 * extension copies from the verified template ahead of time in the background. The wait is the
 * time from JUnit's before-test-execution callback to the first line of the test method, i.e. the
 * resolution of its {@code DataSource} parameter. Each test then does what a small repository test
 * does (a connection, four writes, one read), so the background copier has the time real tests give it.
 */
public final class CloneWait {
    static final int TAKES = 50;
    static final Stats WAITS = new Stats();
    static final Stats BODIES = new Stats();
    private static volatile long readyAt;

    private CloneWait() {
    }

    /** Notes when JUnit is about to invoke the test method (parameters are resolved after this). */
    public static final class Clock implements BeforeTestExecutionCallback {
        @Override
        public void beforeTestExecution(ExtensionContext context) {
            readyAt = System.nanoTime();
        }
    }

    /** Fifty takes of a fresh database, one per repetition. */
    @VerifiedSchema(isolation = VerifiedSchema.Isolation.METHOD)
    @ExtendWith(Clock.class)
    public static class Takes {
        @RepeatedTest(TAKES)
        void take(DataSource db) throws SQLException {
            double waited = Stats.since(readyAt);
            long start = System.nanoTime();
            chargeOneUser(db);
            synchronized (WAITS) {
                WAITS.add(waited);
                BODIES.add(Stats.since(start));
            }
        }
    }

    private static void chargeOneUser(DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            long user;
            try (PreparedStatement p = c.prepareStatement("insert into users (email, role, balance, free_quota) "
                    + "values ('bench@example.com', 'user', 10, 1) returning id"); ResultSet rs = p.executeQuery()) {
                rs.next();
                user = rs.getLong(1);
            }
            for (String sql : new String[]{
                    "insert into hm_usage_records (user_id, request_id, operation, model, cost) values (?, 'r1', 'match', 'm', 0.5)",
                    "update users set balance = balance - 0.5 where id = ?",
                    "insert into hm_transactions (user_id, type, amount, balance_after) values (?, 'consume', -0.5, 9.5)"}) {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setLong(1, user);
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("select balance from users where id = ?")) {
                p.setLong(1, user);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                }
            }
        }
    }

    static Result p2(Env env) throws Exception {
        int resets = env.quick ? 6 : 12;
        Stats cleanMigrate = new Stats();
        String db = env.server.createDatabase(null);
        try {
            Flyway flyway = PlainFlyway.configure(env.server.dataSource(db), env.talentaiMigrations())
                    .cleanDisabled(false).load();
            flyway.migrate(); // warm-up
            timeResets(flyway, resets / 2, cleanMigrate);
            Junit.run(env, Map.of("verifiedschema.isolation", "method"), Takes.class);
            timeResets(flyway, resets - resets / 2, cleanMigrate);
        } finally {
            env.server.dropDatabase(db);
        }
        if (WAITS.count() != TAKES) {
            throw new IllegalStateException("expected " + TAKES + " takes, saw " + WAITS.count());
        }
        double wait = Math.max(WAITS.median(), 0.001);
        return Result.ratio("P2", "clean_migrate_vs_clone_wait", cleanMigrate.median() / wait, ">=", 40, 20, env.quick,
                Result.details("clean_migrate_median_ms", Stats.round(cleanMigrate.median()), "wait_median_ms",
                        Math.rint(WAITS.median() * 1000) / 1000, "test_body_median_ms", Stats.round(BODIES.median()),
                        "takes", TAKES, "resets", resets));
    }

    private static void timeResets(Flyway flyway, int count, Stats into) {
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            flyway.clean();
            flyway.migrate();
            into.add(Stats.since(start));
        }
    }
}
