package dev.verifiedschema.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.configuration.ConfigUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Flyway's own settings for a migration set, by Flyway's property names ({@code flyway.mixed},
 * {@code flyway.placeholders.tenant}, {@code flyway.sqlMigrationPrefix}, …): from a {@code flyway.conf}
 * (read by Flyway's own reader), a {@code flyway.toml} (its {@code [flyway]} table) or given one by one.
 * Immutable; a {@link MigrationSet} carries them, so its content hash covers them and every Flyway the
 * toolkit configures applies them.
 *
 * <p>The toolkit decides a few settings itself, and those win over the file: the locations, the
 * connection ({@code url}, {@code user}, {@code password}, {@code driver}), the schema
 * ({@code schemas}, {@code defaultSchema}), {@code table} (the history table stays
 * {@code flyway_schema_history}), {@code target} and {@code cleanDisabled}. They are dropped here
 * and named by {@link #ignored()}. {@code flyway.undoSqlMigrationPrefix} (an Enterprise setting that
 * Flyway Community refuses) is read by the toolkit for its undo scripts and not passed on.
 */
public final class FlywaySettings {
    /** The undo prefix setting, read by the toolkit (Flyway Community does not know it). */
    public static final String UNDO_PREFIX = "flyway.undoSqlMigrationPrefix";
    private static final Set<String> OWNED = Set.of("flyway.url", "flyway.user", "flyway.password", "flyway.driver",
            "flyway.locations", "flyway.schemas", "flyway.defaultSchema", "flyway.table", "flyway.target",
            "flyway.cleanDisabled", "flyway.environment", "flyway.configFiles", "flyway.jarDirs");
    private static final FlywaySettings NONE = new FlywaySettings(Map.of(), List.of(), "");

    private final SortedMap<String, String> properties;
    private final List<String> ignored;
    private final String source;
    /** Built once: Flyway's configuration loads its plugins, which takes a while. */
    private volatile Configuration configuration;

    private FlywaySettings(Map<String, String> properties, List<String> ignored, String source) {
        this.properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
        this.ignored = List.copyOf(ignored);
        this.source = source;
    }

    /** No settings: Flyway's defaults. */
    public static FlywaySettings none() {
        return NONE;
    }

    /**
     * Settings by Flyway's property names; a name without the {@code flyway.} prefix gets it
     * ({@code mixed} = {@code flyway.mixed}).
     *
     * @throws MigrationSetException when Flyway does not know a setting or refuses its value
     */
    public static FlywaySettings of(Map<String, String> settings) {
        return of(settings, "the Flyway settings");
    }

    private static FlywaySettings of(Map<String, String> settings, String source) {
        Map<String, String> kept = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        settings.forEach((key, value) -> {
            String name = key.startsWith("flyway.") ? key : "flyway." + key;
            if (OWNED.contains(name) || name.startsWith("flyway.environments.")) {
                ignored.add(name);
            } else {
                kept.put(name, value);
            }
        });
        FlywaySettings result = new FlywaySettings(kept, ignored, source);
        result.validate();
        return result;
    }

    /**
     * Reads a {@code flyway.conf} (Java properties, as Flyway reads them: its reader, with
     * {@code ${ENV_VAR}} expansion) or a {@code flyway.toml} (the {@code [flyway]} table; nested tables
     * such as {@code [flyway.placeholders]} become {@code flyway.placeholders.*}, arrays comma-separated).
     *
     * @throws MigrationSetException naming the file (and line and column for TOML syntax) when it cannot be read
     */
    public static FlywaySettings load(Path file) {
        String shown = file.toAbsolutePath().normalize().toString();
        if (!Files.isRegularFile(file)) {
            throw new MigrationSetException(shown, List.of("the Flyway configuration file " + shown
                    + " does not exist; check the path"));
        }
        try {
            return parse(shown, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MigrationSetException(shown, List.of(shown + " cannot be read: " + e.getMessage()));
        }
    }

    /**
     * Reads the text of a {@code flyway.conf} or, when the name ends with {@code .toml}, a {@code flyway.toml}
     * (see {@link #load(Path)}).
     *
     * @param name where the text comes from (a file name or {@code classpath:} resource), for messages
     * @throws MigrationSetException naming the source when it cannot be read
     */
    public static FlywaySettings parse(String name, String text) {
        if (name.toLowerCase(Locale.ROOT).endsWith(".toml")) {
            return of(readToml(text, name), name);
        }
        try {
            return of(ConfigUtils.loadConfigurationFromString(text), name);
        } catch (IOException | FlywayException e) {
            throw new MigrationSetException(name, List.of("Flyway cannot read " + name + ": " + e.getMessage()));
        }
    }

    private static Map<String, String> readToml(String text, String shown) {
        Map<String, Object> root;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = new TomlMapper().readValue(text, Map.class);
            root = read;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new MigrationSetException(shown, List.of(shown + (at == null ? "" : ":" + at.getLineNr() + ":"
                    + at.getColumnNr()) + ": not valid TOML: " + e.getOriginalMessage()));
        }
        Map<String, String> flat = new TreeMap<>();
        Object flyway = root.get("flyway");
        if (flyway instanceof Map<?, ?> table) {
            flatten("flyway", table, flat);
        } else if (flyway != null) {
            throw new MigrationSetException(shown, List.of(shown + ": `flyway` must be a table ([flyway])"));
        }
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> table, Map<String, String> into) {
        table.forEach((key, value) -> {
            String name = prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, nested, into);
            } else if (value instanceof List<?> list) {
                into.put(name, String.join(",", list.stream().map(String::valueOf).toList()));
            } else if (value != null) {
                into.put(name, String.valueOf(value));
            }
        });
    }

    /**
     * The names of the settings Flyway knows ({@code flyway.mixed}, {@code flyway.sqlMigrationPrefix}, …),
     * from Flyway's own list, plus the undo prefix the toolkit reads; placeholders
     * ({@code flyway.placeholders.<key>}) are not listed, their keys being the user's.
     */
    public static Set<String> knownNames() {
        Set<String> names = new java.util.TreeSet<>();
        for (java.lang.reflect.Field field : ConfigUtils.class.getFields()) {
            if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                try {
                    String name = (String) field.get(null);
                    if (name != null && name.startsWith("flyway.") && !name.endsWith(".")) {
                        names.add(name);
                    }
                } catch (IllegalAccessException e) {
                    // not a name to offer
                }
            }
        }
        names.add(UNDO_PREFIX);
        return names;
    }

    /** These settings, then the later ones (which win where both set a property). */
    public FlywaySettings and(FlywaySettings later) {
        if (later.properties.isEmpty() && later.ignored.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new TreeMap<>(properties);
        merged.putAll(later.properties);
        List<String> ignoredBoth = new ArrayList<>(ignored);
        later.ignored.stream().filter(i -> !ignoredBoth.contains(i)).forEach(ignoredBoth::add);
        return new FlywaySettings(merged, ignoredBoth, source.isEmpty() ? later.source : source);
    }

    /** These settings with one more placeholder ({@code ${key}} in the scripts). */
    public FlywaySettings withPlaceholder(String key, String value) {
        return and(new FlywaySettings(Map.of("flyway.placeholders." + key, value), List.of(), ""));
    }

    /** The settings passed to Flyway and read by the toolkit, by property name. */
    public SortedMap<String, String> properties() {
        return properties;
    }

    /** Settings given but decided by the toolkit (see the class comment), by property name. */
    public List<String> ignored() {
        return ignored;
    }

    /** The prefix of undo scripts: {@code flyway.undoSqlMigrationPrefix}, else {@code U}. */
    public String undoPrefix() {
        return properties.getOrDefault(UNDO_PREFIX, "U");
    }

    /** Applies the settings to a Flyway configuration (the toolkit's own settings are applied after). */
    public FluentConfiguration applyTo(FluentConfiguration configuration) {
        Map<String, String> forFlyway = new TreeMap<>(properties);
        forFlyway.remove(UNDO_PREFIX);
        return forFlyway.isEmpty() ? configuration : configuration.configuration(forFlyway);
    }

    /** A Flyway configuration of these settings only (no database): prefixes, placeholders, suffixes. */
    public Configuration configuration() {
        Configuration built = configuration;
        if (built == null) {
            built = build();
            configuration = built;
        }
        return built;
    }

    private Configuration build() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return applyTo(new FluentConfiguration(loader != null ? loader : FlywaySettings.class.getClassLoader()));
    }

    private void validate() {
        try {
            configuration();
        } catch (FlywayException e) {
            throw new MigrationSetException(source, List.of("Flyway refuses a setting of " + source + ": "
                    + e.getMessage().replace("Please check your conf files or commandline parameters",
                    "check its name against Flyway's configuration reference")));
        }
    }

    /** Text of every setting, for cache keys. */
    String contentKey() {
        StringBuilder key = new StringBuilder();
        properties.forEach((k, v) -> key.append(k).append('=').append(v).append('\0'));
        return key.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlywaySettings s && s.properties.equals(properties);
    }

    @Override
    public int hashCode() {
        return properties.hashCode();
    }

    /** The settings, with the values of keys that look secret masked. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((k, v) -> shown.put(k, k.toLowerCase(Locale.ROOT).matches(".*(password|secret|token|key)$")
                ? "***" : v));
        return shown.toString();
    }
}
