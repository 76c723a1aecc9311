package dev.verifiedschema.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway this test JVM really loaded, from the Maven metadata of its jars. The build runs suites once per
 * supported Flyway (surefire executions that swap the jars and name the version in
 * {@code verifiedschema.test.flywayVersion}); a test that compares the two proves each run is on the version it names.
 */
public final class LoadedFlyway {
    /** The system property each surefire execution sets to the Flyway version it puts on the classpath. */
    public static final String EXPECTED = "verifiedschema.test.flywayVersion";

    private LoadedFlyway() {
    }

    /** Fails unless flyway-core and flyway-database-postgresql on the classpath are the version the execution names. */
    public static void assertIsTheVersionTheExecutionNames() {
        String expected = System.getProperty(EXPECTED);
        assertThat(expected).as("the build passes the expected Flyway version").isNotBlank();
        assertThat(version("flyway-core")).isEqualTo(expected);
        assertThat(version("flyway-database-postgresql")).isEqualTo(expected);
    }

    /** The version of a Flyway artifact ({@code flyway-core}, {@code flyway-database-postgresql}) on the classpath. */
    public static String version(String artifact) {
        try (InputStream in = LoadedFlyway.class.getResourceAsStream(
                "/META-INF/maven/org.flywaydb/" + artifact + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException(artifact + " has no Maven metadata on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
