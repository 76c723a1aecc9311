package dev.verifiedschema.inspect;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schema's catalog as hashes, part by part: one hash per table or view (everything a snapshot
 * holds about it: columns, keys, indexes, constraints, triggers, a view's definition), and one each
 * for the schema's sequences, functions, enum types and the extensions installed in it. Computed by the server in one round trip
 * ({@link SchemaInspector#fingerprint}).
 *
 * <p>Two fingerprints of one schema are {@linkplain #equals equal} only if the two snapshots would be
 * equal; the parts that differ name what {@link SchemaInspector#update} has to read again. Flyway's
 * history table is not part of it, and neither is a function's OID (a function dropped and created
 * again the same way leaves the fingerprint as it was).
 */
public final class Fingerprint {
    static final String RELATION = "relation:";
    static final String SEQUENCES = "sequences";
    static final String FUNCTIONS = "functions";
    static final String ENUMS = "enums";
    static final String EXTENSIONS = "extensions";
    static final String SCHEMA = "schema";

    private static final Fingerprint NONE = new Fingerprint(Map.of());

    private final Map<String, String> parts;

    Fingerprint(Map<String, String> parts) {
        this.parts = new TreeMap<>(parts);
    }

    /**
     * The fingerprint of no schema at all. An {@link SchemaInspector#update update} from it and an
     * empty snapshot reads the whole schema.
     *
     * @return the fingerprint with no parts
     */
    public static Fingerprint none() {
        return NONE;
    }

    /** Tables and views whose part differs from {@code other}'s, including those only one of them has. */
    Set<String> changedRelations(Fingerprint other) {
        Set<String> changed = new TreeSet<>();
        for (String key : changedParts(other)) {
            if (key.startsWith(RELATION)) {
                changed.add(key.substring(RELATION.length()));
            }
        }
        return changed;
    }

    /** Parts other than tables and views ({@code sequences}, {@code functions}, {@code enums}, ...) that differ. */
    Set<String> changedKinds(Fingerprint other) {
        Set<String> changed = new TreeSet<>();
        for (String key : changedParts(other)) {
            if (!key.startsWith(RELATION)) {
                changed.add(key);
            }
        }
        return changed;
    }

    /** Whether the schema holds nothing a snapshot shows: no part but the schema's own. */
    boolean isEmptySchema() {
        return parts.keySet().stream().allMatch(SCHEMA::equals);
    }

    /** Whether the fingerprint has a part for the table or view. */
    boolean hasRelation(String name) {
        return parts.containsKey(RELATION + name);
    }

    /**
     * This fingerprint with some parts hashed again: the relations in {@code rehashed} and the kinds
     * in {@code rehashedKinds} (sequences, functions) take their parts from {@code fresh} (or have
     * none if it has none), relations not in {@code existing} are gone, and the schema, enum and
     * extension parts always come from {@code fresh}, which is a fingerprint narrowed to the rehashed objects.
     */
    Fingerprint with(Fingerprint fresh, Set<String> rehashed, Set<String> existing, Collection<String> rehashedKinds) {
        Map<String, String> merged = new TreeMap<>();
        parts.forEach((key, hash) -> {
            boolean kept = key.startsWith(RELATION)
                    ? existing.contains(key.substring(RELATION.length())) && !rehashed.contains(key.substring(RELATION.length()))
                    : (key.equals(SEQUENCES) || key.equals(FUNCTIONS)) && !rehashedKinds.contains(key);
            if (kept) {
                merged.put(key, hash);
            }
        });
        merged.putAll(fresh.parts);
        return new Fingerprint(merged);
    }

    /**
     * What differs from another fingerprint, for messages: the tables and views, then the other
     * parts, e.g. {@code tables and views [orders]; sequences}.
     *
     * @param other the fingerprint to compare with
     * @return the differing parts, or {@code nothing} when the fingerprints are equal
     */
    public String differences(Fingerprint other) {
        Set<String> relations = changedRelations(other);
        Set<String> kinds = changedKinds(other);
        if (relations.isEmpty() && kinds.isEmpty()) {
            return "nothing";
        }
        return (relations.isEmpty() ? "" : "tables and views " + relations + (kinds.isEmpty() ? "" : "; "))
                + String.join(", ", kinds);
    }

    /**
     * The number of tables and views.
     *
     * @return how many tables and views the fingerprint has a part for
     */
    public int relationCount() {
        return (int) parts.keySet().stream().filter(key -> key.startsWith(RELATION)).count();
    }

    private Set<String> changedParts(Fingerprint other) {
        Set<String> keys = new TreeSet<>(parts.keySet());
        keys.addAll(other.parts.keySet());
        keys.removeIf(key -> Objects.equals(parts.get(key), other.parts.get(key)));
        return keys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint other && parts.equals(other.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** The number of parts and a short hash of them all, for log lines. */
    @Override
    public String toString() {
        return "Fingerprint[" + parts.size() + " parts, " + Integer.toHexString(parts.hashCode()) + "]";
    }
}
