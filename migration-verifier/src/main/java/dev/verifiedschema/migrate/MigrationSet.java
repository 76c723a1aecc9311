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

/**
 * The scripts of one or more locations, named and read exactly as Flyway reads them (see
 * {@link MigrationNames}): versioned forward scripts ({@code V1_5__multitenant.sql}), their undo
 * scripts ({@code U1_5__multitenant.sql}), repeatable migrations ({@code R__views.sql}) and SQL
 * callbacks ({@code beforeMigrate.sql}), with the {@link FlywaySettings} they are run with. Checked
 * before anything runs: duplicate versions, an undo without its forward script and names Flyway
 * ignores or rejects are all reported at once.
 */
public final class MigrationSet {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MigrationSet.class);
    private final List<String> locations;
    private final FlywaySettings settings;
    private final List<MigrationScript> forwards;
    private final Map<MigrationVersion, MigrationScript> undos;
    private final List<MigrationScript> repeatables;
    private final List<MigrationScript> callbacks;
    private final String contentHash;

    private MigrationSet(List<String> locations, FlywaySettings settings, List<MigrationScript> forwards,
                         Map<MigrationVersion, MigrationScript> undos, List<MigrationScript> repeatables,
                         List<MigrationScript> callbacks) {
        this.locations = List.copyOf(locations);
        this.settings = settings;
        this.forwards = List.copyOf(forwards);
        this.undos = Map.copyOf(undos);
        this.repeatables = List.copyOf(repeatables);
        this.callbacks = List.copyOf(callbacks);
        this.contentHash = hash();
    }

    /**
     * Reads and checks the scripts of the locations with Flyway's default settings.
     *
     * @throws MigrationSetException listing every problem when the set is malformed
     */
    public static MigrationSet load(List<String> locations) {
        return load(locations, FlywaySettings.none());
    }

    /**
     * Reads and checks the scripts of the locations with these Flyway settings (their prefixes,
     * separator and suffixes name the scripts; Flyway and the toolkit's own script runner apply the rest).
     *
     * @throws MigrationSetException listing every problem when the set is malformed
     */
    public static MigrationSet load(List<String> locations, FlywaySettings settings) {
        MigrationNames names = new MigrationNames(settings);
        Map<MigrationVersion, MigrationScript> forwards = new TreeMap<>();
        Map<MigrationVersion, MigrationScript> undos = new TreeMap<>();
        Map<String, MigrationScript> repeatables = new TreeMap<>();
        Map<String, MigrationScript> callbacks = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        java.nio.charset.Charset charset = ScriptSource.charset(settings);
        for (String location : locations) {
            for (ScriptSource.Found file : ScriptSource.scan(location, names.suffixes(), charset)) {
                if (file.unreadable() != null) {
                    // Flyway runs it (with U+FFFD for such bytes) and checksums it so: a warning, and lint's not-utf8
                    LOG.warn("{}", file.unreadable());
                }
                MigrationNames.Name name = names.read(file.fileName());
                if (name.kind() == MigrationNames.Kind.INVALID) {
                    problems.add(names.problem(file.path(), file.fileName(), name.flywaySays()));
                    continue;
                }
                MigrationScript script = new MigrationScript(name.version(), name.description(), file.fileName(),
                        file.path(), file.text(), settings);
                MigrationScript clash = switch (name.kind()) {
                    case FORWARD -> forwards.putIfAbsent(name.version(), script);
                    case UNDO -> undos.putIfAbsent(name.version(), script);
                    case REPEATABLE -> repeatables.putIfAbsent(name.description(), script);
                    default -> callbacks.putIfAbsent(withoutSuffix(file.fileName()), script);
                };
                if (clash != null) {
                    problems.add(switch (name.kind()) {
                        case FORWARD, UNDO -> "version " + name.version() + " is used twice: " + clash.path() + " and "
                                + file.path() + "; give one of them the next free version";
                        case REPEATABLE -> "two repeatable migrations have the description \"" + name.description()
                                + "\": " + clash.path() + " and " + file.path() + "; Flyway refuses that, rename one";
                        default -> "the callback " + withoutSuffix(file.fileName()) + " is there twice: "
                                + clash.path() + " and " + file.path() + "; Flyway refuses that, merge them";
                    });
                }
            }
        }
        for (MigrationScript undo : undos.values()) {
            if (!forwards.containsKey(undo.version())) {
                problems.add("undo script " + undo.path() + " has no forward script "
                        + names.pattern(false).replace("<version>", undo.version().text()).replace("<description>", "*")
                        + "; rename it to the version it undoes, or delete it");
            }
        }
        if (forwards.isEmpty() && problems.isEmpty()) {
            problems.add("no migration scripts (" + names.pattern(false) + ") were found in " + String.join(", ", locations));
        }
        if (!problems.isEmpty()) {
            throw new MigrationSetException(String.join(", ", locations), problems);
        }
        return new MigrationSet(locations, settings, new ArrayList<>(forwards.values()), undos,
                new ArrayList<>(repeatables.values()), new ArrayList<>(callbacks.values()));
    }

    private static String withoutSuffix(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /** The locations the scripts came from. */
    public List<String> locations() {
        return locations;
    }

    /** The Flyway settings the set is read and run with. */
    public FlywaySettings settings() {
        return settings;
    }

    /** Forward scripts in version order (Flyway's order: 1 &lt; 1.1 &lt; 1.2 &lt; 2 &lt; 10). */
    public List<MigrationScript> forwards() {
        return forwards;
    }

    /** The forward scripts above a version (a run's starting version), all of them for {@code null}. */
    List<MigrationScript> forwardsAbove(MigrationVersion start) {
        if (start == null) {
            return forwards;
        }
        int base = forwards.indexOf(forwards.stream().filter(f -> f.version().equals(start)).findFirst().orElseThrow());
        return forwards.subList(base + 1, forwards.size());
    }

    /** Where a version is among the forward scripts, counting from 1 (0 when it is not one). */
    int position(String version) {
        for (int i = 0; i < forwards.size(); i++) {
            if (forwards.get(i).version().text().equals(version)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The version before a forward script's, for messages: {@code 0 (empty)} before the first. */
    String versionBefore(MigrationScript forward) {
        int index = forwards.indexOf(forward);
        return index == 0 ? "0 (empty)" : forwards.get(index - 1).version().text();
    }

    /** The undo script of a version, if there is one. */
    public Optional<MigrationScript> undo(MigrationVersion version) {
        return Optional.ofNullable(undos.get(version));
    }

    /** Repeatable migrations ({@code R__*.sql}) in Flyway's order (by description); each has no version. */
    public List<MigrationScript> repeatables() {
        return repeatables;
    }

    /** SQL callbacks ({@code beforeMigrate.sql}, …) in the locations, which Flyway runs on its events. */
    public List<MigrationScript> callbacks() {
        return callbacks;
    }

    /**
     * Whether a script of the set (forward, undo, repeatable or callback) creates, alters or drops
     * something every database of the server shares: a role or a membership, a tablespace, a
     * database, a server setting. Such a set cannot be migrated on two databases of one server at once.
     */
    public boolean touchesSharedObjects() {
        return java.util.stream.Stream.of(forwards, List.copyOf(undos.values()), repeatables, callbacks)
                .flatMap(List::stream).anyMatch(s -> SharedObjects.in(s.sql()));
    }

    /** A SHA-256 of every script's name and text and of the settings: equal sets have equal hashes. */
    public String contentHash() {
        return contentHash;
    }

    private String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((settings.contentKey() + "\0").getBytes(StandardCharsets.UTF_8));
            List<MigrationScript> all = new ArrayList<>();
            for (MigrationScript s : forwards) {
                all.add(s);
                undo(s.version()).ifPresent(all::add);
            }
            all.addAll(repeatables);
            all.addAll(callbacks);
            for (MigrationScript s : all) {
                digest.update((s.fileName() + "\0" + s.sql() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
