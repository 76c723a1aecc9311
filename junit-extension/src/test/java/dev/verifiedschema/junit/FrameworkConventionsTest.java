package dev.verifiedschema.junit;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** What a framework's configuration holds fills in what the annotation and the parameters leave out. */
class FrameworkConventionsTest {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();
    /** What a framework's configuration would say of the set that needs placeholders. */
    private static final Map<String, String> FLYWAY_SETTINGS_SET = Map.of(
            VerifiedSchema.MIGRATIONS_KEY, "classpath:sets/flyway-settings",
            VerifiedSchema.FLYWAY_CONFIG_KEY, "classpath:sets/flyway-settings/flyway.conf",
            VerifiedSchema.FLYWAY_PREFIX + "placeholders.default_locale", "pt_BR");

    @AfterEach
    void forgetOffers() {
        OfferedConventions.OFFERS.clear();
        SEEN.clear();
    }

    @VerifiedSchema(fullDowngrade = VerifiedSchema.Toggle.OFF)
    static class LeavesItToTheFramework {
        @Test
        void records(SchemaSnapshot head) {
            SEEN.put("locale", head.tables().get("app_accounts").columns().get("locale").defaultValue());
        }
    }

    @VerifiedSchema(migrations = "classpath:sets/good")
    static class NamesItsMigrations {
        @Test
        void records(SchemaSnapshot head) {
            SEEN.put("tables", head.tables().keySet());
        }
    }

    @Test
    void theFrameworksLocationsAndPlaceholdersAreUsedWhenNothingElseGivesThem() {
        OfferedConventions.OFFERS.put(LeavesItToTheFramework.class, FLYWAY_SETTINGS_SET);

        run(Map.of(), LeavesItToTheFramework.class).assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertThat(SEEN.get("locale")).asString().contains("pt_BR");
    }

    @Test
    void configurationParametersWinOverTheFrameworksConventions() {
        OfferedConventions.OFFERS.put(LeavesItToTheFramework.class, FLYWAY_SETTINGS_SET);

        run(Map.of(VerifiedSchema.FLYWAY_PREFIX + "placeholders.default_locale", "fr_FR"),
                LeavesItToTheFramework.class).assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertThat(SEEN.get("locale")).asString().contains("fr_FR");
    }

    @Test
    void theAnnotationWinsOverTheFrameworksConventions() {
        OfferedConventions.OFFERS.put(NamesItsMigrations.class, Map.of(
                VerifiedSchema.MIGRATIONS_KEY, "classpath:sets/no-such-set"));

        run(Map.of(), NamesItsMigrations.class).assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertThat(SEEN.get("tables")).asString().isNotEmpty();
    }

    @Test
    void aFrameworkConfigurationThatCannotBeReadFailsTheClassWithItsMessage() {
        OfferedConventions.OFFERS.put(NamesItsMigrations.class, Map.of(OfferedConventions.UNREADABLE,
                "application.yml line 3: mapping values are not allowed here"));

        Events classes = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(NamesItsMigrations.class)).execute().containerEvents();

        classes.assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("application.yml line 3: mapping values are not allowed here")))));
    }

    @Test
    void aConventionThatBreaksIsNamedWithTheWayToDoWithoutIt() {
        OfferedConventions.OFFERS.put(NamesItsMigrations.class, Map.of(OfferedConventions.BROKEN, "bug in the reader"));

        Events classes = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(NamesItsMigrations.class)).execute().containerEvents();

        classes.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(m ->
                m.contains(OfferedConventions.class.getName() + " failed to give the settings")
                        && m.contains("bug in the reader") && m.contains(VerifiedSchema.CONVENTIONS_KEY + "=false")))));
    }

    @Test
    void conventionsCanBeSwitchedOff() {
        OfferedConventions.OFFERS.put(NamesItsMigrations.class, Map.of(OfferedConventions.BROKEN, "never asked"));

        run(Map.of(VerifiedSchema.CONVENTIONS_KEY, "false"), NamesItsMigrations.class)
                .assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseIsRefusedByName() {
        Events classes = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(VerifiedSchema.CONVENTIONS_KEY, "off")
                .selectors(DiscoverySelectors.selectClass(NamesItsMigrations.class)).execute().containerEvents();

        classes.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(
                "The configuration parameter verifiedschema.conventions is 'off'; allowed: true, false"))));
    }

    private static Events run(Map<String, String> parameters, Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
                .configurationParameter(VerifiedSchema.REPORT_DIR_KEY, "target/verified-schema-tests")
                .selectors(DiscoverySelectors.selectClass(testClass)).execute().testEvents();
    }
}
