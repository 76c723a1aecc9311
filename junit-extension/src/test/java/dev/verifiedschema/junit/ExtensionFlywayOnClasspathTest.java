package dev.verifiedschema.junit;

import dev.verifiedschema.testing.LoadedFlyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite runs once per supported Flyway (the build's surefire executions swap the jars); this proves that each
 * run really loaded the Flyway it names, so a green compatibility run cannot be the default Flyway in disguise.
 */
class ExtensionFlywayOnClasspathTest {
    @Test
    void theSuiteRunsOnTheFlywayItsExecutionNames() {
        String expected = System.getProperty(LoadedFlyway.EXPECTED);
        assertThat(expected).as("the build passes the expected Flyway version").isNotBlank();
        assertThat(LoadedFlyway.version("flyway-core")).isEqualTo(expected);
        assertThat(LoadedFlyway.version("flyway-database-postgresql")).isEqualTo(expected);
    }
}
