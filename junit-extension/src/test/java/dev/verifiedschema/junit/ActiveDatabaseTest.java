package dev.verifiedschema.junit;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The active database is the running test's: the class's copy, or with isolation per method the method's,
 * from before the test instance exists until the class (or method) ends.
 */
class ActiveDatabaseTest {
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    static final List<String> METHOD_COPIES = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forget() {
        SEEN.clear();
        METHOD_COPIES.clear();
    }

    @VerifiedSchema(migrations = "classpath:sets/good")
    static class ClassIsolation {
        ClassIsolation() throws SQLException {
            SEEN.put("constructor", active());
        }

        @Test
        void record(DataSource injected) throws SQLException {
            SEEN.put("injected", databaseName(injected));
            SEEN.put("method", active());
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/good", isolation = VerifiedSchema.Isolation.METHOD)
    static class MethodIsolation {
        @Test
        void first(DataSource injected) throws SQLException {
            record(injected);
        }

        @Test
        void second(DataSource injected) throws SQLException {
            record(injected);
        }

        private static void record(DataSource injected) throws SQLException {
            String active = active();
            assertThat(active).isEqualTo(databaseName(injected));
            METHOD_COPIES.add(active);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @VerifiedSchema(migrations = "classpath:sets/good", isolation = VerifiedSchema.Isolation.METHOD)
    static class PerClassLifecycle {
        PerClassLifecycle() throws SQLException {
            SEEN.put("constructor", active()); // a copy of its own, made for what runs outside methods
        }

        @Test
        void first(DataSource injected) throws SQLException {
            assertThat(active()).isEqualTo(databaseName(injected)).isNotEqualTo(SEEN.get("constructor"));
            METHOD_COPIES.add(active());
        }

        @Test
        void second(DataSource injected) throws SQLException {
            assertThat(active()).isEqualTo(databaseName(injected)).isNotEqualTo(SEEN.get("constructor"));
            METHOD_COPIES.add(active());
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/good")
    static class Enclosing {
        @Test
        void record(DataSource injected) throws SQLException {
            SEEN.put("enclosing", databaseName(injected));
        }

        @Nested
        class InheritsTheDatabase {
            @Test
            void record(DataSource injected) throws SQLException {
                SEEN.put("inherits", databaseName(injected));
            }
        }

        @Nested
        @VerifiedSchema(migrations = "classpath:sets/flyway-naming", fullDowngrade = VerifiedSchema.Toggle.OFF)
        class HasItsOwn {
            @Test
            void record(DataSource injected, SchemaSnapshot head) throws SQLException {
                SEEN.put("own", databaseName(injected));
                SEEN.put("own tables", String.valueOf(head.tables().keySet()));
            }
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/typo-in-forward")
    static class NotVerified {
        NotVerified() {
            SEEN.put("constructed", "yes");
        }

        @Test
        void never() {
            SEEN.put("ran", "yes");
        }
    }

    @Test
    void aNestedClassUsesTheEnclosingDatabaseUnlessItHasAnAnnotationOfItsOwn() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(VerifiedSchema.REPORT_DIR_KEY, "target/verified-schema-tests")
                .selectors(DiscoverySelectors.selectClass(Enclosing.class)).execute().testEvents()
                .assertStatistics(stats -> stats.failed(0).succeeded(3));

        assertThat(SEEN.get("inherits")).isEqualTo(SEEN.get("enclosing"));
        assertThat(SEEN.get("own")).isNotEqualTo(SEEN.get("enclosing"));
        assertThat(SEEN.get("own tables")).contains("tenants");
    }

    @Test
    void aFailedVerificationFailsTheTestBeforeItsInstanceIsMade() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(VerifiedSchema.REPORT_DIR_KEY, "target/verified-schema-tests")
                .selectors(DiscoverySelectors.selectClass(NotVerified.class)).execute().testEvents()
                .assertStatistics(stats -> stats.failed(1));

        assertThat(SEEN).doesNotContainKeys("constructed", "ran");
    }

    @VerifiedSchema(migrations = "classpath:sets/good")
    static class OtherThreads {
        @Test
        void record(DataSource injected) throws Exception {
            SEEN.put("injected", databaseName(injected));
            Thread pool = new Thread(() -> {
                try {
                    SEEN.put("other thread", active());
                } catch (SQLException e) {
                    SEEN.put("other thread", e.toString());
                }
            });
            pool.start();
            pool.join();
        }
    }

    @Test
    void aThreadThatRunsNoTestGetsTheDatabaseOfTheTestActiveLast() {
        run(OtherThreads.class);

        assertThat(SEEN.get("other thread")).isEqualTo(SEEN.get("injected"));
    }

    @Test
    void theClassesCopyIsActiveFromTheConstructorOn() {
        run(ClassIsolation.class);

        assertThat(SEEN.get("constructor")).isEqualTo(SEEN.get("injected")).isEqualTo(SEEN.get("method"));
    }

    @Test
    void eachMethodsCopyIsActiveWhileItRuns() {
        run(MethodIsolation.class);

        assertThat(METHOD_COPIES).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void withOneInstancePerClassTheClassIsReadyBeforeTheInstanceIsMade() {
        run(PerClassLifecycle.class);

        assertThat(SEEN.get("constructor")).startsWith("vs_");
        assertThat(METHOD_COPIES).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void nothingIsActiveOnceTheClassHasEnded() {
        run(ClassIsolation.class);

        assertThat(ActiveDatabase.dataSource()).isEmpty();
    }

    private static void run(Class<?> testClass) {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(VerifiedSchema.REPORT_DIR_KEY, "target/verified-schema-tests")
                .selectors(DiscoverySelectors.selectClass(testClass)).execute().testEvents()
                .assertStatistics(stats -> stats.failed(0).succeeded(
                        testClass == ClassIsolation.class || testClass == OtherThreads.class ? 1 : 2));
    }

    private static String active() throws SQLException {
        return databaseName(ActiveDatabase.dataSource().orElseThrow());
    }

    private static String databaseName(DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            return c.getCatalog();
        }
    }
}
