package dev.verifiedschema.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forward ({@code V<version>__<desc>.sql}) and undo ({@code U<version>__<desc>.sql}) scripts
 * of one or more locations, checked before anything runs: duplicate versions, an undo without
 * its forward script and names that are not migrations are all reported at once.
 */
public final class MigrationSet {
    private static final Pattern NAME = Pattern.compile("([VU])([^_]+)__(.*)\\.sql");

    private final List<String> locations;
    private final List<MigrationScript> forwards;
    private final Map<MigrationVersion, MigrationScript> undos;
    private final String contentHash;

    private MigrationSet(List<String> locations, List<MigrationScript> forwards,
                         Map<MigrationVersion, MigrationScript> undos) {
        this.locations = List.copyOf(locations);
        this.forwards = List.copyOf(forwards);
        this.undos = Map.copyOf(undos);
        this.contentHash = hash(forwards, undos);
    }

    /**
     * Reads and checks the scripts of the locations.
     *
     * @throws MigrationSetException listing every problem when the set is malformed
     */
    public static MigrationSet load(List<String> locations) {
        Map<MigrationVersion, MigrationScript> forwards = new TreeMap<>();
        Map<MigrationVersion, MigrationScript> undos = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String location : locations) {
            for (ScriptSource.Found file : ScriptSource.scan(location)) {
                Matcher m = NAME.matcher(file.fileName());
                MigrationVersion version = m.matches() ? MigrationVersion.parse(m.group(2)) : null;
                if (version == null) {
                    problems.add(unparsable(file));
                    continue;
                }
                MigrationScript script = new MigrationScript(version, m.group(3).replace('_', ' '), file.fileName(),
                        file.path(), file.text());
                Map<MigrationVersion, MigrationScript> target = m.group(1).equals("V") ? forwards : undos;
                MigrationScript clash = target.putIfAbsent(version, script);
                if (clash != null) {
                    problems.add("version " + version + " is used twice: " + clash.path() + " and " + file.path()
                            + "; give one of them the next free version");
                }
            }
        }
        for (MigrationScript undo : undos.values()) {
            if (!forwards.containsKey(undo.version())) {
                problems.add("undo script " + undo.path() + " has no forward script V" + undo.version()
                        + "__*.sql; rename it to the version it undoes, or delete it");
            }
        }
        if (forwards.isEmpty() && problems.isEmpty()) {
            problems.add("no migration scripts (V<version>__<description>.sql) were found in " + String.join(", ", locations));
        }
        if (!problems.isEmpty()) {
            throw new MigrationSetException(String.join(", ", locations), problems);
        }
        return new MigrationSet(locations, new ArrayList<>(forwards.values()), undos);
    }

    private static String unparsable(ScriptSource.Found file) {
        String name = file.fileName();
        if (name.startsWith("R__")) {
            return file.path() + " is a repeatable migration; the stairway verifies versioned migrations only: "
                    + "turn it into a V script with a matching U script";
        }
        if (name.matches("[VvUu]\\d+([._]\\d+)*_[^_].*\\.sql")) {
            return file.path() + " has one underscore after the version; Flyway needs two: "
                    + name.replaceFirst("^([VvUu][\\d._]+?)_", "$1__");
        }
        return file.path() + " is not named like a migration; name forward scripts V<version>__<description>.sql "
                + "and undo scripts U<version>__<description>.sql (version: digits separated by dots)";
    }

    /** The locations the scripts came from. */
    public List<String> locations() {
        return locations;
    }

    /** Forward scripts in version order. */
    public List<MigrationScript> forwards() {
        return forwards;
    }

    /** The undo script of a version, if there is one. */
    public Optional<MigrationScript> undo(MigrationVersion version) {
        return Optional.ofNullable(undos.get(version));
    }

    /** A SHA-256 of every script's name and text: equal sets have equal hashes. */
    public String contentHash() {
        return contentHash;
    }

    private static String hash(List<MigrationScript> forwards, Map<MigrationVersion, MigrationScript> undos) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (MigrationScript s : forwards) {
                digest.update((s.fileName() + "\0" + s.sql() + "\0").getBytes(StandardCharsets.UTF_8));
                MigrationScript u = undos.get(s.version());
                if (u != null) {
                    digest.update((u.fileName() + "\0" + u.sql() + "\0").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
