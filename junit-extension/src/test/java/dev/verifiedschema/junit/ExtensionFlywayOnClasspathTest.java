package dev.verifiedschema.junit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite runs once per supported Flyway (the build's surefire executions swap the jars); this proves that each
 * run really loaded the Flyway it names, so a green compatibility run cannot be the default Flyway in disguise.
 */
class ExtensionFlywayOnClasspathTest {
    @Test
    void theSuiteRunsOnTheFlywayItsExecutionNames() throws IOException {
        String expected = System.getProperty("verifiedschema.test.flywayVersion");
        assertThat(expected).as("the build passes the expected Flyway version").isNotBlank();
        assertThat(flywayVersion(Flyway.class)).isEqualTo(expected);
        assertThat(flywayVersion(org.flywaydb.database.postgresql.PostgreSQLDatabaseType.class)).isEqualTo(expected);
    }

    /** The version in the Maven metadata of the jar that holds the class. */
    static String flywayVersion(Class<?> type) throws IOException {
        String artifact = type.getName().startsWith("org.flywaydb.database") ? "flyway-database-postgresql" : "flyway-core";
        try (InputStream in = type.getResourceAsStream("/META-INF/maven/org.flywaydb/" + artifact + "/pom.properties")) {
            assertThat(in).as("the Maven metadata of " + artifact).isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
