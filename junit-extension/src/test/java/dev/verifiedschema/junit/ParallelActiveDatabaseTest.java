package dev.verifiedschema.junit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * With classes and methods running in parallel, each method's thread is given its own class's database (or
 * its own copy), not whichever became active last.
 */
class ParallelActiveDatabaseTest {

    abstract static class Checks {
        @RepeatedTest(4)
        void theActiveDatabaseIsThisTestsOwn(DataSource injected) throws Exception {
            for (int i = 0; i < 5; i++) {
                org.assertj.core.api.Assertions.assertThat(name(ActiveDatabase.dataSource().orElseThrow()))
                        .isEqualTo(name(injected));
                Thread.sleep(5);
            }
        }

        private static String name(DataSource db) throws SQLException {
            try (Connection c = db.getConnection()) {
                return c.getCatalog();
            }
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/good")
    @Execution(ExecutionMode.CONCURRENT)
    static class First extends Checks {
    }

    @VerifiedSchema(migrations = "classpath:sets/good")
    @Execution(ExecutionMode.CONCURRENT)
    static class Second extends Checks {
    }

    @VerifiedSchema(migrations = "classpath:sets/good", isolation = VerifiedSchema.Isolation.METHOD)
    @Execution(ExecutionMode.CONCURRENT)
    static class PerMethod extends Checks {
    }

    @Test
    void eachThreadGetsItsOwnTestsDatabase() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .configurationParameter(VerifiedSchema.REPORT_DIR_KEY, "target/verified-schema-tests")
                .selectors(DiscoverySelectors.selectClass(First.class), DiscoverySelectors.selectClass(Second.class),
                        DiscoverySelectors.selectClass(PerMethod.class))
                .execute().testEvents().assertStatistics(stats -> stats.failed(0).succeeded(12));
    }
}
