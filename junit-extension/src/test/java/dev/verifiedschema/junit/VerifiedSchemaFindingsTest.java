package dev.verifiedschema.junit;

import dev.verifiedschema.migrate.Finding;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** {@code @VerifiedSchema} reports every finding, stops early on request, and adopts a set through a baseline. */
@ExtendWith(TestServer.class)
class VerifiedSchemaFindingsTest {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    private static Events run(Map<String, String> parameters, Class<?> testClass) {
        var kit = EngineTestKit.engine("junit-jupiter").configurationParameter(VerifiedSchema.REPORT_DIR_KEY,
                "target/verified-schema-tests");
        parameters.forEach(kit::configurationParameter);
        return kit.selectors(DiscoverySelectors.selectClass(testClass)).execute().testEvents();
    }

    @VerifiedSchema(migrations = "classpath:sets/several-broken")
    static class SeveralBroken {
        @Test
        void only() {
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/several-broken", failFast = VerifiedSchema.Toggle.ON)
    static class SeveralBrokenFailFast {
        @Test
        void only() {
        }
    }

    @Test
    void everyFindingFailsTheClassInOneMessageAndFailFastStopsAtTheFirst() {
        run(Map.of(), SeveralBroken.class).assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                message(m -> m.contains("failed verification with 3 findings") && m.contains("V5 undo")))));
        run(Map.of(), SeveralBrokenFailFast.class).assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                message(m -> m.contains("failed verification at the undo step of V2") && !m.contains("V5 undo")))));
    }

    @VerifiedSchema(migrations = "classpath:sets/several-broken", baseline = "classpath:baselines/several-broken.json")
    static class Adopted {
        @Test
        void record(StairwayReport report) {
            SEEN.put("adopted", report);
        }
    }

    @Test
    void aBaselineLetsTheClassRunWithTodaysFindingsAccepted() {
        run(Map.of(), Adopted.class).assertStatistics(s -> s.succeeded(1).failed(0));

        StairwayReport report = (StairwayReport) SEEN.get("adopted");
        assertThat(report.findings()).hasSize(3).allSatisfy(f -> assertThat(f.accepted())
                .isEqualTo("in baseline classpath:baselines/several-broken.json"));
    }

    @VerifiedSchema(migrations = "classpath:sets/several-broken")
    static class Recording {
        @Test
        void record(StairwayReport report) {
            SEEN.put("recorded", report);
        }
    }

    @Test
    void writeBaselineRecordsEveryFindingAndAcceptsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stairway-baseline.json");

        run(Map.of(VerifiedSchema.WRITE_BASELINE_KEY, file.toString()), Recording.class)
                .assertStatistics(s -> s.succeeded(1).failed(0));

        assertThat(Files.readString(file)).contains("\"kind\" : \"undo-schema\"", "\"kind\" : \"undo-failed\"",
                "\"kind\" : \"undo-data\"");
        assertThat(((StairwayReport) SEEN.get("recorded")).findings()).noneMatch(Finding::fails);
    }

    @VerifiedSchema(migrations = "classpath:sets/tenant-tables", fixtures = "classpath:fixtures/tenant-tables")
    static class SchemaDependsOnFixtureData {
        @Test
        void only() {
        }
    }

    @Test
    void aTemplateThatDiffersFromTheVerifiedHeadFailsTheClassInsteadOfServingAnotherSchema() {
        run(Map.of(), SchemaDependsOnFixtureData.class).assertThatEvents().haveExactly(1, event(test(),
                finishedWithFailure(message(m -> m.contains("The database the tests would get is not the verified one")
                        && m.contains("table orders_acme (id, total) removed")
                        && m.contains("depends on data (the fixtures the verification loaded)")))));
    }
}
