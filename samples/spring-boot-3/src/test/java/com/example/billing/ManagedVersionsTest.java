package com.example.billing;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions these tests ran on are the ones Spring Boot's parent manages (the pom passes them in),
 * not the ones verified-schema was built with: the proof is on what a Spring Boot team really has.
 */
class ManagedVersionsTest {

    @Test
    void springBootFlywayAndJunitAreTheParentsVersions() throws IOException {
        assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("expected.spring-boot"));
        assertThat(flywayVersion()).isEqualTo(System.getProperty("expected.flyway"));
        assertThat(Test.class.getPackage().getImplementationVersion()).isEqualTo(System.getProperty("expected.junit"));
    }

    private static String flywayVersion() throws IOException {
        try (InputStream in = Flyway.class.getResourceAsStream(
                "/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
