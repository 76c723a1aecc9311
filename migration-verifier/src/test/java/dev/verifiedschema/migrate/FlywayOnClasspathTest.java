package dev.verifiedschema.migrate;

import dev.verifiedschema.testing.LoadedFlyway;
import org.junit.jupiter.api.Test;

/**
 * The suite runs once per supported Flyway (the build's surefire executions swap the jars); this proves that each
 * run really loaded the Flyway it names, so a green compatibility run cannot be the default Flyway in disguise.
 */
class FlywayOnClasspathTest {
    @Test
    void theSuiteRunsOnTheFlywayItsExecutionNames() {
        LoadedFlyway.assertIsTheVersionTheExecutionNames();
    }
}
