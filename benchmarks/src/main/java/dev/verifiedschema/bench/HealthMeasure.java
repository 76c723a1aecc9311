package dev.verifiedschema.bench;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.health.HealthReport;
import dev.verifiedschema.health.SchemaHealthCheck;
import java.util.List;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;

/** P5: the start-up health check of the TalentAI contract ÷ one raw information_schema.columns query. */
final class HealthMeasure {
    private HealthMeasure() {
    }

    static Result p5(Env env) throws Exception {
        int rounds = env.quick ? 201 : 1001;
        Contract contract = env.talentaiContract();
        String db = env.server.createDatabase(null);
        try {
            PlainFlyway.migrate(env.server.dataSource(db), env.talentaiMigrations());
            String raw = "select table_name, column_name, data_type, is_nullable, column_default"
                    + " from information_schema.columns where table_schema = 'public' and table_name in ("
                    + contract.tables().keySet().stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "))
                    + ")";
            SchemaHealthCheck check = SchemaHealthCheck.from(contract);
            Stats health = new Stats();
            Stats query = new Stats();
            try (Connection connection = env.server.dataSource(db).getConnection()) {
                for (int i = -200; i < rounds; i++) { // the first 200 rounds warm the JVM up
                    double h;
                    double q;
                    if (i % 2 == 0) {
                        h = health(check, connection);
                        q = rawQuery(raw, connection);
                    } else {
                        q = rawQuery(raw, connection);
                        h = health(check, connection);
                    }
                    if (i >= 0) {
                        health.add(h);
                        query.add(q);
                    }
                }
            }
            return Result.ratio("P5", "health_check_vs_raw_query", health.median() / query.median(), "<=", 0.5, 0.5, env.quick,
                    Result.details("health_check_median_ms", Stats.round(health.median()), "raw_query_median_ms",
                            Stats.round(query.median()), "runs", rounds));
        } finally {
            env.server.dropDatabase(db);
        }
    }

    private static double health(SchemaHealthCheck check, Connection connection) {
        long start = System.nanoTime();
        HealthReport report = check.check(connection);
        double ms = Stats.since(start);
        if (!report.isHealthy()) {
            throw new IllegalStateException("the TalentAI schema should be healthy: " + report.describe());
        }
        return ms;
    }

    private static double rawQuery(String sql, Connection connection) throws Exception {
        long start = System.nanoTime();
        int rows = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getString(1);
                rows++;
            }
        }
        double ms = Stats.since(start);
        if (rows == 0) {
            throw new IllegalStateException("the raw query found no columns");
        }
        return ms;
    }
}
