package dev.verifiedschema.junit;

import java.util.Map;

/**
 * Settings a framework's own configuration already holds, offered to {@link VerifiedSchema @VerifiedSchema}
 * so that a project states them once: the Spring Boot module reads {@code spring.flyway.locations} and
 * {@code spring.flyway.placeholders.*} from the application's configuration. An implementation is found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.verifiedschema.junit.FrameworkConventions}).
 *
 * <p>What a convention gives ranks below the annotation's attributes and the {@code verifiedschema.*}
 * configuration parameters, and above the built-in defaults.
 */
public interface FrameworkConventions {

    /**
     * The settings the framework's configuration gives for this test class, named as configuration
     * parameters ({@link VerifiedSchema#MIGRATIONS_KEY}, {@code verifiedschema.flyway.placeholders.tenant},
     * ...); empty when the framework's configuration says nothing (or the implementation decides the class is none of its business).
     *
     * @throws IllegalArgumentException when the framework's configuration cannot be read; the message
     *                                  says which file and why, and fails the test class
     */
    Map<String, String> parameters(Class<?> testClass);
}
