package dev.verifiedschema.bench;

import dev.verifiedschema.junit.VerifiedSchema;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.provision.SharedServers;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * P6: fifty distinct test classes annotated {@code @VerifiedSchema} with the same migration set, run in
 * one JVM (a child of the benchmark, so that nothing else has started a server): how many PostgreSQL
 * servers were started ({@link SharedServers#startedCount()}) and how many verifications ran (the
 * number of distinct {@link StairwayReport} instances injected; each verification makes its own).
 */
final class FiftyClasses {
    static final Set<StairwayReport> REPORTS = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    static final List<Class<?>> CLASSES = List.of(C01.class, C02.class, C03.class, C04.class, C05.class, C06.class, C07.class, C08.class, C09.class, C10.class, C11.class, C12.class, C13.class, C14.class, C15.class, C16.class, C17.class, C18.class, C19.class, C20.class, C21.class, C22.class, C23.class, C24.class, C25.class, C26.class, C27.class, C28.class, C29.class, C30.class, C31.class, C32.class, C33.class, C34.class, C35.class, C36.class, C37.class, C38.class, C39.class, C40.class, C41.class, C42.class, C43.class, C44.class, C45.class, C46.class, C47.class, C48.class, C49.class, C50.class);

    private FiftyClasses() {
    }

    /** The one test of every class: the report is injected and the class's database has the schema. */
    abstract static class Probe {
        @Test
        void verifiedDatabase(StairwayReport report, DataSource db) throws SQLException {
            REPORTS.add(report);
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from hm_transactions")) {
                rs.next();
            }
        }
    }

    @VerifiedSchema
    static class C01 extends Probe {
    }

    @VerifiedSchema
    static class C02 extends Probe {
    }

    @VerifiedSchema
    static class C03 extends Probe {
    }

    @VerifiedSchema
    static class C04 extends Probe {
    }

    @VerifiedSchema
    static class C05 extends Probe {
    }

    @VerifiedSchema
    static class C06 extends Probe {
    }

    @VerifiedSchema
    static class C07 extends Probe {
    }

    @VerifiedSchema
    static class C08 extends Probe {
    }

    @VerifiedSchema
    static class C09 extends Probe {
    }

    @VerifiedSchema
    static class C10 extends Probe {
    }

    @VerifiedSchema
    static class C11 extends Probe {
    }

    @VerifiedSchema
    static class C12 extends Probe {
    }

    @VerifiedSchema
    static class C13 extends Probe {
    }

    @VerifiedSchema
    static class C14 extends Probe {
    }

    @VerifiedSchema
    static class C15 extends Probe {
    }

    @VerifiedSchema
    static class C16 extends Probe {
    }

    @VerifiedSchema
    static class C17 extends Probe {
    }

    @VerifiedSchema
    static class C18 extends Probe {
    }

    @VerifiedSchema
    static class C19 extends Probe {
    }

    @VerifiedSchema
    static class C20 extends Probe {
    }

    @VerifiedSchema
    static class C21 extends Probe {
    }

    @VerifiedSchema
    static class C22 extends Probe {
    }

    @VerifiedSchema
    static class C23 extends Probe {
    }

    @VerifiedSchema
    static class C24 extends Probe {
    }

    @VerifiedSchema
    static class C25 extends Probe {
    }

    @VerifiedSchema
    static class C26 extends Probe {
    }

    @VerifiedSchema
    static class C27 extends Probe {
    }

    @VerifiedSchema
    static class C28 extends Probe {
    }

    @VerifiedSchema
    static class C29 extends Probe {
    }

    @VerifiedSchema
    static class C30 extends Probe {
    }

    @VerifiedSchema
    static class C31 extends Probe {
    }

    @VerifiedSchema
    static class C32 extends Probe {
    }

    @VerifiedSchema
    static class C33 extends Probe {
    }

    @VerifiedSchema
    static class C34 extends Probe {
    }

    @VerifiedSchema
    static class C35 extends Probe {
    }

    @VerifiedSchema
    static class C36 extends Probe {
    }

    @VerifiedSchema
    static class C37 extends Probe {
    }

    @VerifiedSchema
    static class C38 extends Probe {
    }

    @VerifiedSchema
    static class C39 extends Probe {
    }

    @VerifiedSchema
    static class C40 extends Probe {
    }

    @VerifiedSchema
    static class C41 extends Probe {
    }

    @VerifiedSchema
    static class C42 extends Probe {
    }

    @VerifiedSchema
    static class C43 extends Probe {
    }

    @VerifiedSchema
    static class C44 extends Probe {
    }

    @VerifiedSchema
    static class C45 extends Probe {
    }

    @VerifiedSchema
    static class C46 extends Probe {
    }

    @VerifiedSchema
    static class C47 extends Probe {
    }

    @VerifiedSchema
    static class C48 extends Probe {
    }

    @VerifiedSchema
    static class C49 extends Probe {
    }

    @VerifiedSchema
    static class C50 extends Probe {
    }

    static Result p6(Env env) throws Exception {
        String out = env.runChild(env.childCommand(List.of(), "--child", "p6", "--root", env.root.toString(),
                "--temp", env.temp.toString()));
        int servers = Integer.parseInt(Env.field(out, "servers"));
        int verifications = Integer.parseInt(Env.field(out, "verifications"));
        return new Result("P6", "fifty_classes_one_server_one_verification",
                Result.details("servers", servers, "verifications", verifications), "=1,1",
                servers == 1 && verifications == 1, Result.details("classes", CLASSES.size(),
                "tests_passed", Env.field(out, "tests_passed"), "elapsed_ms", Env.field(out, "elapsed_ms")));
    }

    /** The P6 child: prints {@code servers=... verifications=... tests_passed=... elapsed_ms=...}. */
    static void p6Child(Env env) {
        long start = System.nanoTime();
        long passed = Junit.run(env, Map.of(), CLASSES.toArray(Class<?>[]::new));
        System.out.println("servers=" + SharedServers.startedCount() + " verifications=" + REPORTS.size()
                + " tests_passed=" + passed + " elapsed_ms=" + Math.round(Stats.since(start)));
    }
}
