package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.CheckConstraint;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.EnumType;
import dev.verifiedschema.snapshot.Extension;
import dev.verifiedschema.snapshot.ForeignKey;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.PrimaryKey;
import dev.verifiedschema.snapshot.Routine;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Sequence;
import dev.verifiedschema.snapshot.Table;
import dev.verifiedschema.snapshot.Trigger;
import dev.verifiedschema.snapshot.UniqueConstraint;
import dev.verifiedschema.snapshot.View;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a snapshot straight from the rows of the catalog SQL (the resources next to this class,
 * narrowed by {@link CatalogSession}) with plain JDBC: all the queries in one statement, one round
 * trip, each row as a JSON object. The SQL of a small schema runs in about 3 ms; SchemaCrawler,
 * which read the same SQL here before, spent 10 to 25 ms more per call in its own bookkeeping (task
 * runners, type maps, name lookups), and twice this reader's time at 1000 tables. It stays the
 * tests' reference: every inspection test requires both to make the same snapshot.
 *
 * <p>The rules SchemaCrawler applies are applied here too, so that the snapshots stay equal: rows
 * of tables the {@code TABLES} query left out (Flyway's history table, objects of extensions) are
 * ignored, values of its own model are trimmed (the extra columns it keeps as attributes are not),
 * an empty index predicate is none, and columns of keys, constraints and indexes are put in their
 * ordinal order.
 */
final class CatalogReader {
    /** The query of the schema's extensions, which SchemaCrawler has no model for (read here, not by it). */
    static final String EXTENSIONS = "extensions";
    /** Every catalog query but the schema's own row, which a snapshot does not need, and the extensions. */
    private static final List<String> QUERIES = Stream.concat(
            CatalogSql.QUERIES.stream().filter(q -> !q.equals("SCHEMATA")), Stream.of(EXTENSIONS)).toList();
    private static final String ALL = build(false);
    private static final String NARROWED = build(true);

    /** All the queries in one statement, each row as a JSON object tagged with its query's name. */
    private static String build(boolean narrowed) {
        List<String> parts = new ArrayList<>();
        for (String query : QUERIES) {
            parts.add("SELECT '" + query + "' AS q, pg_catalog.to_jsonb(r)::pg_catalog.text AS x FROM (\n"
                    + CatalogSql.query(query) + "\n) r");
        }
        return CatalogSql.with(narrowed) + String.join("\nUNION ALL\n", parts);
    }

    private CatalogReader() {
    }

    /** One row of a catalog query, by column name. */
    private record Row(Map<String, Object> values) {
        /** A value SchemaCrawler reads into its own model: trimmed, or null. */
        String text(String column) {
            String value = raw(column);
            return value == null ? null : value.strip();
        }

        /** A value SchemaCrawler keeps as an attribute of the object: as the server sent it. */
        String raw(String column) {
            Object value = values.get(column);
            return value == null ? null : value instanceof String || value instanceof Boolean ? value.toString() : "";
        }

        int integer(String column) {
            return Integer.parseInt(raw(column));
        }

        boolean bool(String column) {
            Object value = values.get(column);
            return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
        }
    }

    /** A table as it is being read; becomes a {@link Table} when all its rows are in. */
    private static final class TableRows {
        final String name;
        final Map<String, Column> columns = new HashMap<>();
        final Map<String, Index> indexes = new HashMap<>();
        final Map<String, ForeignKey> foreignKeys = new HashMap<>();
        final Map<String, UniqueConstraint> uniques = new HashMap<>();
        final Map<String, CheckConstraint> checks = new HashMap<>();
        final Map<String, Trigger> triggers = new HashMap<>();
        PrimaryKey primaryKey;

        TableRows(String name) {
            this.name = name;
        }

        Table table() {
            return new Table(name, columns, primaryKey, foreignKeys, indexes, uniques, checks, triggers);
        }
    }

    /** Columns in ordinal order, collected per key (a constraint or index of one table). */
    private static final class Ordered {
        final TreeMap<Integer, String> columns = new TreeMap<>();

        List<String> names() {
            return List.copyOf(columns.values());
        }
    }

    /**
     * The snapshot of the schema with this OID, as far as the session's narrowing settings let the
     * queries see it, on a connection whose search path is that schema.
     */
    static SchemaSnapshot read(Connection connection, String schema, CatalogSession session,
                               Map<String, EnumType> enums) throws SQLException {
        Map<String, List<Row>> rows = fetch(connection, session);
        Map<String, TableRows> tables = new HashMap<>();
        Map<String, Boolean> views = new HashMap<>(); // name -> materialised
        each(rows, "TABLES", rs -> {
            String type = rs.text("table_type");
            if ("TABLE".equals(type)) {
                tables.put(rs.text("table_name"), new TableRows(rs.text("table_name")));
            } else {
                views.put(rs.text("table_name"), "MATERIALIZED VIEW".equals(type));
            }
        });
        each(rows, "TABLE_COLUMNS", rs -> {
            TableRows table = tables.get(rs.text("table_name"));
            if (table != null) {
                String name = rs.text("column_name");
                table.columns.put(name, new Column(name, rs.raw("formatted_type"), rs.integer("nullable") == 1,
                        rs.text("column_def"), rs.raw("identity_generation")));
            }
        });
        Map<String, String> keyNames = new HashMap<>();
        Map<String, Ordered> keys = new LinkedHashMap<>();
        each(rows, "PRIMARY_KEYS", rs -> {
            String table = rs.text("table_name");
            if (tables.containsKey(table)) {
                keyNames.put(table, rs.text("pk_name"));
                keys.computeIfAbsent(table, t -> new Ordered()).columns.put(rs.integer("key_seq"), rs.text("column_name"));
            }
        });
        keys.forEach((table, key) -> tables.get(table).primaryKey = new PrimaryKey(keyNames.get(table), key.names()));
        readIndexes(rows, tables);
        readConstraints(rows, schema, tables);
        each(rows, "TRIGGERS", rs -> {
            TableRows table = tables.get(rs.text("event_object_table"));
            if (table != null) {
                String name = rs.text("trigger_name");
                table.triggers.put(name, new Trigger(name, rs.text("action_statement")));
            }
        });
        Map<String, View> viewsByName = new HashMap<>();
        each(rows, "VIEWS", rs -> {
            String name = rs.text("table_name");
            if (views.containsKey(name)) {
                viewsByName.put(name, new View(name, views.get(name), rs.text("view_definition")));
            }
        });
        Map<String, Sequence> sequences = new HashMap<>();
        each(rows, "SEQUENCES", rs -> {
            String name = rs.text("sequence_name");
            String start = rs.text("start_value");
            sequences.put(name, new Sequence(name, rs.raw("data_type"),
                    start == null ? 1L : new BigInteger(start).longValueExact(),
                    Long.parseLong(rs.text("increment")), rs.raw("owned_by"), rs.raw("sequence_options")));
        });
        Map<String, Routine> routines = new HashMap<>();
        each(rows, "FUNCTIONS", rs -> {
            Routine routine = new Routine(rs.raw("routine_signature"), rs.raw("routine_kind"),
                    rs.raw("routine_result"), rs.raw("routine_language"), rs.raw("routine_body"),
                    rs.raw("routine_options"));
            routines.put(routine.signature(), routine);
        });
        Map<String, Extension> extensions = new HashMap<>();
        each(rows, EXTENSIONS, rs -> extensions.put(rs.raw("extension_name"),
                new Extension(rs.raw("extension_name"), rs.raw("extension_version"))));
        Map<String, Table> done = new HashMap<>();
        tables.forEach((name, table) -> done.put(name, table.table()));
        return new SchemaSnapshot(schema, done, viewsByName, sequences, enums, routines, extensions);
    }

    private static void readIndexes(Map<String, List<Row>> rows, Map<String, TableRows> tables) {
        record IndexRows(String table, String name, boolean unique, String predicate, String method, String include,
                         String keyOptions, Ordered columns) {
        }
        Map<List<String>, IndexRows> indexes = new LinkedHashMap<>();
        each(rows, "INDEXES", rs -> {
            String table = rs.text("table_name");
            if (tables.containsKey(table)) {
                String name = rs.text("index_name");
                IndexRows index = indexes.computeIfAbsent(List.of(table, name), k -> {
                    String predicate = rs.text("filter_condition");
                    return new IndexRows(table, name, !rs.bool("non_unique"),
                            predicate == null || predicate.isEmpty() ? null : predicate, rs.raw("index_method"),
                            rs.raw("include_columns"), rs.raw("key_options"), new Ordered());
                });
                index.columns().columns.put(rs.integer("ordinal_position"), rs.text("column_name"));
            }
        });
        for (IndexRows index : indexes.values()) {
            tables.get(index.table()).indexes.put(index.name(), new Index(index.name(), index.columns().names(),
                    index.unique(), index.predicate(), index.method(),
                    index.include() == null ? List.of() : CatalogJson.strings(index.include()),
                    index.keyOptions() == null ? List.of() : CatalogJson.strings(index.keyOptions())));
        }
    }

    private static void readConstraints(Map<String, List<Row>> rows, String schema, Map<String, TableRows> tables) {
        Map<List<String>, Ordered> columns = new HashMap<>();
        each(rows, "CONSTRAINT_COLUMN_USAGE", rs -> columns.computeIfAbsent(
                List.of(rs.text("table_name"), rs.text("constraint_name")), k -> new Ordered())
                .columns.put(rs.integer("ordinal_position"), rs.text("column_name")));
        each(rows, "TABLE_CONSTRAINTS", rs -> {
            TableRows table = tables.get(rs.text("table_name"));
            if (table == null) {
                return;
            }
            String name = rs.text("constraint_name");
            Ordered own = columns.get(List.of(table.name, name));
            List<String> names = own == null ? List.of() : own.names();
            switch (rs.text("constraint_type")) {
                case "UNIQUE" -> table.uniques.put(name,
                        new UniqueConstraint(name, names, rs.raw("constraint_options")));
                case "FOREIGN KEY" -> {
                    Target target = target(rs.raw("foreign_key_target"));
                    String referenced = schema.equals(target.schema()) ? target.table()
                            : target.schema() + "." + target.table();
                    table.foreignKeys.put(name, new ForeignKey(name, names, referenced, target.columns(),
                            target.onDelete(), target.onUpdate(), target.options()));
                }
                default -> table.checks.put(name, new CheckConstraint(name, rs.raw("constraint_definition")));
            }
        });
    }

    /**
     * Runs all the catalog queries in one statement (prepared on the server from its first use; one
     * text for a full read and one for a narrowed one) and sorts the rows by query.
     */
    private static Map<String, List<Row>> fetch(Connection connection, CatalogSession session) throws SQLException {
        Map<String, List<Row>> rows = new HashMap<>();
        QUERIES.forEach(query -> rows.put(query, new ArrayList<>()));
        try (PreparedStatement statement = connection.prepareStatement((session.narrowed() ? NARROWED : ALL)
                .replace("${schemaOid}", Long.toString(session.schemaOid())))) {
            CatalogSql.prepareAtOnce(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.get(rs.getString(1)).add(new Row(CatalogJson.object(rs.getString(2))));
                }
            }
        }
        return rows;
    }

    private static void each(Map<String, List<Row>> rows, String query, Consumer<Row> action) {
        rows.get(query).forEach(action);
    }

    /** What a foreign key references, from the JSON text TABLE_CONSTRAINTS.sql writes. */
    @SuppressWarnings("unchecked")
    static Target target(String json) {
        Map<String, Object> values = CatalogJson.object(json);
        List<String> columns = new ArrayList<>();
        ((List<Object>) values.getOrDefault("columns", List.of())).forEach(c -> columns.add(String.valueOf(c)));
        return new Target((String) values.get("schema"), (String) values.get("table"), columns,
                (String) values.get("onDelete"), (String) values.get("onUpdate"), (String) values.get("options"));
    }

    /** What a foreign key references, as TABLE_CONSTRAINTS.sql writes it in JSON. */
    record Target(String schema, String table, List<String> columns, String onDelete, String onUpdate,
                  String options) {
    }
}
