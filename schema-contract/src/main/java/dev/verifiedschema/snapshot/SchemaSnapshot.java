package dev.verifiedschema.snapshot;

import java.util.Map;
import java.util.Optional;

/**
 * An immutable picture of one PostgreSQL schema: every table with its columns, keys, indexes,
 * constraints and triggers, plus the schema's views, sequences, enum types, functions and the
 * extensions installed in it.
 *
 * <p>Two snapshots of the same schema are {@linkplain #equals(Object) equal} regardless of the
 * order in which the catalog returned the objects: every collection is keyed by name and sorted.
 * Flyway's {@code flyway_schema_history} table is never part of a snapshot. Snapshots serialise to
 * JSON and back with {@link SnapshotJson}.
 *
 * @param schema    the schema name, for example {@code public}
 * @param tables    tables by name
 * @param views     views (plain and materialised) by name
 * @param sequences sequences by name
 * @param enums     enum types by name
 * @param functions  functions and procedures by signature, for example {@code touch_updated_at()}
 * @param extensions extensions installed in the schema, by name
 */
public record SchemaSnapshot(
        String schema,
        Map<String, Table> tables,
        Map<String, View> views,
        Map<String, Sequence> sequences,
        Map<String, EnumType> enums,
        Map<String, Routine> functions,
        Map<String, Extension> extensions) {

    /** The name of Flyway's bookkeeping table, which is never part of a snapshot. */
    public static final String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

    public SchemaSnapshot {
        schema = schema == null ? "public" : schema;
        tables = Sorted.map(tables);
        views = Sorted.map(views);
        sequences = Sorted.map(sequences);
        enums = Sorted.map(enums);
        functions = Sorted.map(functions);
        extensions = Sorted.map(extensions);
    }

    /**
     * A snapshot without extensions, for callers that build one by hand (a contract's tables, a test).
     *
     * @param schema    the schema name
     * @param tables    tables by name
     * @param views     views by name
     * @param sequences sequences by name
     * @param enums     enum types by name
     * @param functions functions and procedures by signature
     */
    public SchemaSnapshot(String schema, Map<String, Table> tables, Map<String, View> views,
                          Map<String, Sequence> sequences, Map<String, EnumType> enums, Map<String, Routine> functions) {
        this(schema, tables, views, sequences, enums, functions, Map.of());
    }

    /** An empty snapshot of the given schema: what a fresh database looks like. */
    public static SchemaSnapshot empty(String schema) {
        return new SchemaSnapshot(schema, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The table with this exact (already folded) name, if the schema has it. */
    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** The number of objects of every kind, for log lines and summaries. */
    public int objectCount() {
        return tables.size() + views.size() + sequences.size() + enums.size() + functions.size() + extensions.size();
    }
}
