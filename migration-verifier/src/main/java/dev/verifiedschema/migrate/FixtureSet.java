package dev.verifiedschema.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixture data scripts named {@code <version>__<description>.sql}, each loaded right after its
 * version has been migrated (and has passed its undo/redo round trip), so that data written under
 * an old schema must survive every later migration and undo.
 */
public final class FixtureSet {
    private static final Pattern NAME = Pattern.compile("(\\d[\\d._]*?)__(.*)\\.sql");
    private final Map<MigrationVersion, List<MigrationScript>> byVersion;
    private final String location;

    private FixtureSet(String location, Map<MigrationVersion, List<MigrationScript>> byVersion) {
        this.location = location;
        this.byVersion = byVersion;
    }

    /** No fixtures at all. */
    public static FixtureSet none() {
        return new FixtureSet(null, Map.of());
    }

    /** The fixtures of a location; every file must be named {@code <version>__<description>.sql}. */
    public static FixtureSet load(String location) {
        return load(location, FlywaySettings.none());
    }

    /**
     * The fixtures of a location, run with these Flyway settings' placeholders (pass the migration
     * set's, {@link MigrationSet#settings()}); every file must be named {@code <version>__<description>.sql},
     * the version written as Flyway writes it ({@code 1_5__tenants.sql} loads after V1.5).
     */
    public static FixtureSet load(String location, FlywaySettings settings) {
        Map<MigrationVersion, List<MigrationScript>> byVersion = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (ScriptSource.Found file : ScriptSource.scan(location, List.of(".sql"), ScriptSource.charset(settings))) {
            if (file.unreadable() != null) {
                problems.add(file.unreadable()); // no history holds a fixture's checksum: it can be saved anew
                continue;
            }
            Matcher m = NAME.matcher(file.fileName());
            MigrationVersion version = m.matches() ? MigrationVersion.parse(m.group(1)) : null;
            if (version == null) {
                problems.add(file.path() + " is not named like a fixture; name it <version>__<description>.sql, "
                        + "e.g. 2__two_users.sql to load it right after V2");
                continue;
            }
            byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(new MigrationScript(version,
                    m.group(2).replace('_', ' '), file.fileName(), file.path(), file.text(), settings));
        }
        if (!problems.isEmpty()) {
            throw new MigrationSetException(location, problems);
        }
        return new FixtureSet(location, byVersion);
    }

    /** The fixtures to load after this version, in file-name order. */
    public List<MigrationScript> after(MigrationVersion version) {
        return byVersion.getOrDefault(version, List.of());
    }

    /** Fixtures whose version is not one of the set's versions: they would never load. */
    public List<MigrationScript> orphans(MigrationSet set) {
        var versions = set.forwards().stream().map(MigrationScript::version).toList();
        return byVersion.entrySet().stream().filter(e -> !versions.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    /** Where the fixtures came from, or {@code null}. */
    public String location() {
        return location;
    }

    /** Text of every fixture, for cache keys. */
    public String contentKey() {
        StringBuilder key = new StringBuilder();
        byVersion.values().forEach(list -> list.forEach(s -> key.append(s.fileName()).append('\0').append(s.sql())));
        return key.toString();
    }
}
