package dev.verifiedschema.spring;

import dev.verifiedschema.junit.FrameworkConventions;
import dev.verifiedschema.junit.VerifiedSchema;
import dev.verifiedschema.migrate.FlywaySettings;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the application's Spring Boot configuration the way the test's context will (application
 * properties and YAML, profile-specific files for {@code @ActiveProfiles}, the test annotation's
 * {@code properties}, {@code @TestPropertySource}, system properties and environment variables) and offers
 * its {@code spring.flyway.*} settings to {@link VerifiedSchema @VerifiedSchema}:
 * {@code spring.flyway.locations} (with {@code {vendor}} read as {@code postgresql}) as the migrations,
 * {@code spring.flyway.placeholders.*} and the other Flyway settings Spring Boot passes on (such as
 * {@code sql-migration-prefix}, {@code placeholder-prefix}, {@code mixed}) under Flyway's own names.
 * Found by {@link java.util.ServiceLoader}; public only for it. {@code verifiedschema.conventions=false} turns
 * it off.
 */
public final class SpringBootConventions implements FrameworkConventions {
    private static final String SPRING_FLYWAY = "spring.flyway.";
    /** Where the database is, or what only Spring Boot's own run does: not the verification's business. */
    private static final Set<String> NOT_PASSED = Set.of("flyway.url", "flyway.user", "flyway.password",
            "flyway.driver", "flyway.locations", "flyway.cleanDisabled", "flyway.jdbcProperties");

    /**
     * What the application's configuration says for this class: a Spring test's as its context will read it, and
     * for any other {@code @VerifiedSchema} class of the project the plain application configuration, so every
     * class verifies the migrations the application runs.
     */
    @Override
    public Map<String, String> parameters(Class<?> testClass) {
        Binder binder;
        List<String> profiles = new ArrayList<>();
        try {
            binder = Binder.get(environment(testClass, profiles));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The Spring Boot configuration of " + testClass.getName()
                    + " could not be read (@VerifiedSchema reads spring.flyway.* from it)"
                    + ConfigFiles.unparsable(testClass.getClassLoader(), profiles, e).map(file -> " in " + file).orElse("")
                    + ": " + e.getMessage(), e);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        binder.bind(SPRING_FLYWAY + "locations", Bindable.listOf(String.class)).ifBound(locations ->
                parameters.put(VerifiedSchema.MIGRATIONS_KEY, String.join(",", locations.stream()
                        .map(l -> l.replace("{vendor}", "postgresql")).toList())));
        binder.bind(SPRING_FLYWAY + "placeholders", Bindable.mapOf(String.class, String.class)).ifBound(map ->
                new TreeMap<>(map).forEach((key, value) ->
                        parameters.put(VerifiedSchema.FLYWAY_PREFIX + "placeholders." + key, value)));
        // Spring Boot's list of statements run on each connection, joined as Spring Boot joins them for Flyway
        binder.bind(SPRING_FLYWAY + "init-sqls", Bindable.listOf(String.class)).ifBound(sqls ->
                parameters.put(VerifiedSchema.PREFIX + "flyway.initSql", String.join("\n", sqls)));
        for (String flywayName : FlywaySettings.knownNames()) {
            if (NOT_PASSED.contains(flywayName) || flywayName.equals("flyway.initSql")) {
                continue;
            }
            binder.bind(SPRING_FLYWAY + kebab(flywayName.substring("flyway.".length())), String[].class)
                    .ifBound(values -> parameters.put(VerifiedSchema.PREFIX + flywayName, String.join(",", values)));
        }
        return parameters;
    }

    /** The environment the test's context will have, as far as configuration files and test annotations go. */
    private static ConfigurableEnvironment environment(Class<?> testClass, List<String> profilesSeen) {
        StandardEnvironment environment = new StandardEnvironment();
        MergedAnnotations annotations = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY);
        List<String> inlined = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        annotations.stream(TestPropertySource.class).forEach(a -> {
            inlined.addAll(List.of(a.getStringArray("properties")));
            locations.addAll(List.of(a.getStringArray("locations")));
        });
        // @SpringBootTest and the test slices (@DataJdbcTest, @DataJpaTest, ...) bootstrap the context and carry
        // properties of their own
        annotations.stream(BootstrapWith.class).map(MergedAnnotation::getRoot).distinct()
                .forEach(root -> inlined.addAll(properties(root)));
        DefaultResourceLoader loader = new DefaultResourceLoader(testClass.getClassLoader());
        if (!locations.isEmpty()) {
            TestPropertySourceUtils.addPropertiesFilesToEnvironment(environment, loader, locations.toArray(String[]::new));
        }
        if (!inlined.isEmpty()) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, inlined.toArray(String[]::new));
        }
        MergedAnnotation<ActiveProfiles> profiles = annotations.get(ActiveProfiles.class);
        if (profiles.isPresent()) {
            List<String> active = new ArrayList<>(List.of(profiles.getStringArray("profiles")));
            active.addAll(List.of(profiles.getStringArray("value")));
            environment.getPropertySources().addFirst(new MapPropertySource("activeTestProfiles",
                    Map.of("spring.profiles.active", String.join(",", active.stream().distinct().toList()))));
        }
        profilesSeen.addAll(List.of(environment.getProperty("spring.profiles.active", "").split(",")));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(testClass.getClassLoader());
        try {
            ConfigDataEnvironmentPostProcessor.applyTo(environment);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return environment;
    }

    private static List<String> properties(MergedAnnotation<?> annotation) {
        try {
            return List.of(annotation.getStringArray("properties"));
        } catch (java.util.NoSuchElementException e) {
            return List.of();
        }
    }

    /** {@code sqlMigrationPrefix} → {@code sql-migration-prefix}, Spring Boot's canonical form. */
    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
