package dev.verifiedschema.junit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of {@code verifiedschema.flyway.*} configuration parameters that exist. JUnit lets an
 * extension read a parameter by name but not list them, and placeholder names are the user's; so the
 * names are gathered where JUnit reads parameters from besides the launcher request: system properties
 * and {@code junit-platform.properties}. (A parameter given only in the launcher request is found
 * when it is named after a setting Flyway knows, see {@link Settings}.)
 */
final class ParameterNames {
    private ParameterNames() {
    }

    static Set<String> flywayCandidates() {
        Set<String> names = new TreeSet<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(n -> n.startsWith(VerifiedSchema.FLYWAY_PREFIX)).forEach(names::add);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : ParameterNames.class.getClassLoader())
                .getResourceAsStream("junit-platform.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                properties.stringPropertyNames().stream()
                        .filter(n -> n.startsWith(VerifiedSchema.FLYWAY_PREFIX)).forEach(names::add);
            }
        } catch (IOException e) {
            // JUnit reports an unreadable junit-platform.properties itself
        }
        return names;
    }
}
