package dev.verifiedschema.junit;

import dev.verifiedschema.crawler.DesignFinding;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** The design lint of the head under {@code @VerifiedSchema}: warnings by default, a gate on request. */
@ExtendWith(TestServer.class)
class VerifiedSchemaDesignLintTest {
    static final Map<String, StairwayReport> SEEN = new ConcurrentHashMap<>();

    private static Events run(Map<String, String> parameters, Class<?> testClass) {
        var kit = EngineTestKit.engine("junit-jupiter").configurationParameter(VerifiedSchema.REPORT_DIR_KEY,
                "target/verified-schema-tests");
        parameters.forEach(kit::configurationParameter);
        return kit.selectors(DiscoverySelectors.selectClass(testClass)).execute().testEvents();
    }

    @VerifiedSchema(migrations = "classpath:sets/design-flaws")
    static class Flawed {
        @Test
        void record(StairwayReport report) {
            SEEN.put("flawed", report);
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/design-flaws", designLint = VerifiedSchema.Toggle.ON)
    static class FlawedLinted {
        @Test
        void record(StairwayReport report) {
            SEEN.put("linted", report);
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/design-flaws", designLintFailOn = "high")
    static class FlawedGated {
        @Test
        void only() {
        }
    }

    @Test
    void theLintIsOptInByAttributeOrParameterAndItsFlawsFailNothing() {
        run(Map.of(), Flawed.class).assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(SEEN.get("flawed").designLint()).as("off by default").isEmpty();

        run(Map.of(), FlawedLinted.class).assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(SEEN.get("linted").designLint()).extracting(DesignFinding::rule)
                .contains("foreign-key-type-mismatch", "foreign-key-without-index", "table-without-primary-key");

        run(Map.of(VerifiedSchema.DESIGN_LINT_KEY, "on"), Flawed.class).assertStatistics(s -> s.succeeded(1));
        assertThat(SEEN.get("flawed").designLint()).isNotEmpty();
    }

    @Test
    void aFailOnSeverityTurnsTheLintOnAsAGateAndABadValueFailsTheClassNamingIt() {
        run(Map.of(), FlawedGated.class).assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                message(m -> m.contains("failed verification with 2 findings: design lint, design lint")))));
        run(Map.of(VerifiedSchema.DESIGN_LINT_FAIL_ON_KEY, "high"), Flawed.class).assertThatEvents()
                .haveExactly(1, event(test(), finishedWithFailure(message(m -> m.contains(
                        "design lint: [high] foreign-key-type-mismatch: orders (orders_customer_id_fkey)")))));

        EngineTestKit.engine("junit-jupiter").configurationParameter(VerifiedSchema.DESIGN_LINT_KEY, "sometimes")
                .selectors(DiscoverySelectors.selectClass(Flawed.class)).execute().containerEvents()
                .assertThatEvents().haveExactly(1, finishedWithFailure(message(
                        "The configuration parameter verifiedschema.designLint is 'sometimes'; allowed: on, off")));
    }

    @Test
    void theHeadsDocumentationIsWrittenNextToTheReportOnRequest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        EngineTestKit.engine("junit-jupiter").configurationParameter(VerifiedSchema.REPORT_DIR_KEY, dir.toString())
                .configurationParameter(VerifiedSchema.SCHEMA_DOCS_KEY, "true")
                .selectors(DiscoverySelectors.selectClass(Flawed.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(1));

        try (var files = java.nio.file.Files.walk(dir)) {
            assertThat(files.map(f -> dir.relativize(f).toString().replaceAll("[0-9a-f]{8}-schema", "KEY-schema")))
                    .contains("classpath-sets-design-flaws-KEY-schema/schema.html",
                            "classpath-sets-design-flaws-KEY-schema/schema.txt");
        }
    }

    @Test
    void theCrossCheckRunsOnRequestAndABadValueFailsTheClass() {
        run(Map.of(VerifiedSchema.CROSS_CHECK_KEY, "true"), Flawed.class).assertStatistics(s -> s.succeeded(1));
        assertThat(SEEN.get("flawed").findings()).as("both readers agree on the head").isEmpty();

        EngineTestKit.engine("junit-jupiter").configurationParameter(VerifiedSchema.CROSS_CHECK_KEY, "yes")
                .selectors(DiscoverySelectors.selectClass(Flawed.class)).execute().containerEvents()
                .assertThatEvents().haveExactly(1, finishedWithFailure(message(
                        "The configuration parameter verifiedschema.crossCheck is 'yes'; allowed: true, false")));
    }
}
