package dev.verifiedschema.junit;

import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.migrate.FlywaySettings;
import dev.verifiedschema.migrate.SessionTimeouts;
import dev.verifiedschema.migrate.UndoPolicy;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ServerSettings;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The effective configuration of one test class: annotation attributes first, then
 * {@code verifiedschema.*} configuration parameters, then defaults.
 */
record Settings(List<String> migrations, String contract, String fixtures, ServerSettings server, String schema,
                UndoPolicy undo, boolean fullDowngrade, boolean isolatePerMethod, int prefetch, String reportDir,
                boolean failFast, String baseline, String writeBaseline, String flywayConfig,
                Map<String, String> flyway, SessionTimeouts timeouts, Boolean designLint, String designLintFailOn,
                boolean schemaDocs, boolean crossCheck) {

    /** Resolves the settings; Flyway settings are looked up under Flyway's own property names only. */
    static Settings resolve(VerifiedSchema a, Function<String, Optional<String>> parameters) {
        return resolve(a, parameters, Set.of());
    }

    /**
     * Resolves the settings.
     *
     * @param parameterNames names of configuration parameters known to exist (JUnit does not list them to
     *                       an extension): {@code verifiedschema.flyway.*} ones among them are passed to Flyway,
     *                       as is every one named after a setting Flyway knows
     */
    static Settings resolve(VerifiedSchema a, Function<String, Optional<String>> parameters, Set<String> parameterNames) {
        Lookup p = new Lookup(parameters);
        List<String> migrations = a.migrations().length > 0 ? List.of(a.migrations())
                : p.get(VerifiedSchema.MIGRATIONS_KEY).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of("classpath:db/migration"));
        ProviderKind provider = a.provider() != VerifiedSchema.Provider.DEFAULT
                ? ProviderKind.valueOf(a.provider().name())
                : p.get(VerifiedSchema.PROVIDER_KEY).map(v -> parse(() -> ProviderKind.parse(v,
                "The configuration parameter " + VerifiedSchema.PROVIDER_KEY))).orElse(ProviderKind.AUTO);
        int pgVersion = a.pgVersion() != 0 ? a.pgVersion() : p.get(VerifiedSchema.PG_VERSION_KEY)
                .map(v -> integer(VerifiedSchema.PG_VERSION_KEY, v)).orElse(0);
        ServerSettings server = new ServerSettings(provider, p.get(VerifiedSchema.URL_KEY).orElse(null),
                p.get(VerifiedSchema.USER_KEY).orElse(null), p.get(VerifiedSchema.PASSWORD_KEY).orElse(null),
                pgVersion, first(a.image(), p.get(VerifiedSchema.IMAGE_KEY)));
        UndoPolicy undo = a.undo() != VerifiedSchema.Undo.DEFAULT ? UndoPolicy.valueOf(a.undo().name())
                : p.get(VerifiedSchema.UNDO_KEY).map(v -> choice(VerifiedSchema.UNDO_KEY, v, UndoPolicy.class))
                .orElse(UndoPolicy.REQUIRED);
        boolean fullDowngrade = a.fullDowngrade() != VerifiedSchema.Toggle.DEFAULT
                ? a.fullDowngrade() == VerifiedSchema.Toggle.ON
                : p.get(VerifiedSchema.FULL_DOWNGRADE_KEY).map(v -> bool(VerifiedSchema.FULL_DOWNGRADE_KEY, v))
                .orElse(true);
        boolean perMethod = a.isolation() != VerifiedSchema.Isolation.DEFAULT
                ? a.isolation() == VerifiedSchema.Isolation.METHOD
                : p.get(VerifiedSchema.ISOLATION_KEY).map(v -> choice(VerifiedSchema.ISOLATION_KEY, v,
                VerifiedSchema.Isolation.class) == VerifiedSchema.Isolation.METHOD).orElse(false);
        boolean failFast = a.failFast() != VerifiedSchema.Toggle.DEFAULT ? a.failFast() == VerifiedSchema.Toggle.ON
                : p.get(VerifiedSchema.FAIL_FAST_KEY).map(v -> bool(VerifiedSchema.FAIL_FAST_KEY, v)).orElse(false);
        String baseline = first(a.baseline(), p.get(VerifiedSchema.BASELINE_KEY));
        String writeBaseline = p.get(VerifiedSchema.WRITE_BASELINE_KEY).orElse(null);
        if (failFast && writeBaseline != null) {
            throw new ExtensionConfigurationException(VerifiedSchema.WRITE_BASELINE_KEY + " (" + writeBaseline + ") "
                    + "and fail-fast exclude each other: a baseline records every finding, and fail-fast stops at the "
                    + "first");
        }
        if (baseline != null && writeBaseline != null) {
            throw new ExtensionConfigurationException("Both a baseline (" + baseline + ") and "
                    + VerifiedSchema.WRITE_BASELINE_KEY + " (" + writeBaseline + ") are set; write the baseline once, "
                    + "then verify with it");
        }
        int prefetch = p.get(VerifiedSchema.PREFETCH_KEY).map(v -> integer(VerifiedSchema.PREFETCH_KEY, v)).orElse(2);
        return new Settings(migrations, first(a.contract(), p.get(VerifiedSchema.CONTRACT_KEY)),
                first(a.fixtures(), p.get(VerifiedSchema.FIXTURES_KEY)), server,
                first(a.schema(), p.get(VerifiedSchema.SCHEMA_KEY)), undo, fullDowngrade, perMethod,
                Math.max(0, prefetch), p.get(VerifiedSchema.REPORT_DIR_KEY).orElse("target/verified-schema"),
                failFast, baseline, writeBaseline, first(a.flywayConfig(), p.get(VerifiedSchema.FLYWAY_CONFIG_KEY)),
                flyway(p, parameterNames), timeouts(p),
                a.designLint() != VerifiedSchema.Toggle.DEFAULT ? Boolean.valueOf(a.designLint() == VerifiedSchema.Toggle.ON)
                        : p.get(VerifiedSchema.DESIGN_LINT_KEY).map(v -> onOff(VerifiedSchema.DESIGN_LINT_KEY, v)).orElse(null),
                failOn(first(a.designLintFailOn(), p.get(VerifiedSchema.DESIGN_LINT_FAIL_ON_KEY))),
                p.get(VerifiedSchema.SCHEMA_DOCS_KEY).map(v -> bool(VerifiedSchema.SCHEMA_DOCS_KEY, v)).orElse(false),
                p.get(VerifiedSchema.CROSS_CHECK_KEY).map(v -> bool(VerifiedSchema.CROSS_CHECK_KEY, v)).orElse(false));
    }

    /**
     * The design lint settings to run with: the contract's (or none), switched on or off and given a
     * failOn severity where these settings say so.
     */
    DesignLintSettings designLint(DesignLintSettings base) {
        return base.switchedBy(designLint == null ? null : designLint ? "on" : "off", designLintFailOn);
    }

    private static boolean onOff(String key, String value) {
        try {
            return DesignLintSettings.OFF.switchedBy(value, null).enabled();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("The configuration parameter " + key + " is " + e.getMessage(), e);
        }
    }

    /** {@code none} or a severity's label; anything else fails the class, naming where it was given. */
    private static String failOn(String value) {
        if (value == null) {
            return null;
        }
        try {
            DesignLintSettings.OFF.switchedBy(null, value);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("The design lint's failOn (" + VerifiedSchema.DESIGN_LINT_FAIL_ON_KEY
                    + " or @VerifiedSchema(designLintFailOn)) is " + e.getMessage(), e);
        }
        return value.strip();
    }

    /** {@code verifiedschema.lockTimeout} and {@code verifiedschema.statementTimeout}, else the stairway's defaults. */
    private static SessionTimeouts timeouts(Lookup p) {
        try {
            return new SessionTimeouts(p.get(VerifiedSchema.LOCK_TIMEOUT_KEY)
                    .map(v -> SessionTimeouts.parse("The configuration parameter " + VerifiedSchema.LOCK_TIMEOUT_KEY, v))
                    .orElse(SessionTimeouts.DEFAULT.lock()), p.get(VerifiedSchema.STATEMENT_TIMEOUT_KEY)
                    .map(v -> SessionTimeouts.parse("The configuration parameter " + VerifiedSchema.STATEMENT_TIMEOUT_KEY, v))
                    .orElse(SessionTimeouts.DEFAULT.statement()));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** {@code verifiedschema.flyway.*} parameters by Flyway's property names ({@code flyway.*}). */
    private static Map<String, String> flyway(Lookup p, Set<String> parameterNames) {
        Set<String> candidates = new TreeSet<>();
        FlywaySettings.knownNames().forEach(name -> candidates.add(VerifiedSchema.PREFIX + name));
        parameterNames.stream().filter(n -> n.startsWith(VerifiedSchema.FLYWAY_PREFIX)).forEach(candidates::add);
        Map<String, String> flyway = new TreeMap<>();
        for (String key : candidates) {
            p.get(key).ifPresent(value -> flyway.put(key.substring(VerifiedSchema.PREFIX.length()), value));
        }
        return Map.copyOf(flyway);
    }

    /** What makes two verifications the same, apart from script content. */
    String verificationOptions() {
        return "undo=" + undo + ";fullDowngrade=" + fullDowngrade + ";schema=" + schema + ";failFast=" + failFast
                + ";writeBaseline=" + writeBaseline + ";timeouts=" + timeouts + ";designLint=" + designLint
                + ";designLintFailOn=" + designLintFailOn + ";schemaDocs=" + schemaDocs
                + ";crossCheck=" + crossCheck;
    }

    private static String first(String attribute, Optional<String> parameter) {
        return !attribute.isBlank() ? attribute : parameter.filter(v -> !v.isBlank()).orElse(null);
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException("The configuration parameter " + key + " is '" + value
                    + "'; it must be a whole number", e);
        }
    }

    /** A {@code true}/{@code false} configuration parameter; anything else fails the class, naming the key. */
    static boolean bool(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ExtensionConfigurationException("The configuration parameter " + key + " is '" + value
                    + "'; allowed: true, false");
        }
        return v.equals("true");
    }

    private static <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
        try {
            E parsed = Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            if (parsed.name().equals("DEFAULT")) {
                throw new IllegalArgumentException("default");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("The configuration parameter " + key + " is '" + value
                    + "'; allowed: " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .filter(n -> !n.equals("DEFAULT")).map(n -> n.toLowerCase(Locale.ROOT))
                    .reduce((x, y) -> x + ", " + y).orElse(""), e);
        }
    }

    private record Lookup(Function<String, Optional<String>> source) {
        Optional<String> get(String key) {
            return source.apply(key).map(String::strip).filter(v -> !v.isEmpty());
        }
    }
}
