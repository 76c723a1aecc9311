package dev.verifiedschema.bench;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs {@code @VerifiedSchema} test classes through the JUnit Platform Launcher, on the TalentAI set. */
final class Junit {
    private Junit() {
    }

    /**
     * Runs the classes with the TalentAI migrations, contract and fixtures on the embedded provider.
     *
     * @return the number of tests that succeeded
     * @throws IllegalStateException when a test failed, with JUnit's failure summary
     */
    static long run(Env env, Map<String, String> extra, Class<?>... classes) {
        Map<String, String> parameters = new HashMap<>(Map.of(
                "verifiedschema.provider", "embedded",
                "verifiedschema.migrations", env.talentaiMigrations(),
                "verifiedschema.contract", env.talentaiContractPath().toString(),
                "verifiedschema.fixtures", env.talentaiFixtures(),
                "verifiedschema.reportDir", env.temp.resolve("reports").toString()));
        parameters.putAll(extra);
        return run(parameters, classes);
    }

    /** Runs the classes with exactly these configuration parameters; the same checks as above. */
    static long run(Map<String, String> parameters, Class<?>... classes) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Stream.of(classes).map(c -> selectClass(c)).toList())
                .configurationParameters(parameters)
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() == 0) {
            StringWriter text = new StringWriter();
            summary.printFailuresTo(new PrintWriter(text), 20);
            throw new IllegalStateException(summary.getTestsSucceededCount() + " tests passed, "
                    + summary.getTotalFailureCount() + " failed:\n" + text);
        }
        return summary.getTestsSucceededCount();
    }
}
