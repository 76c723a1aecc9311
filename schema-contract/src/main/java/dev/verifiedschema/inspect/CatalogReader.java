package dev.verifiedschema.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verifiedschema.snapshot.CheckConstraint;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.EnumType;
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

/**
 * Reads a snapshot straight from the rows of the catalog SQL that {@link CatalogCrawler} gives
 * SchemaCrawler (the same resources, narrowed the same way by {@link CatalogSession}), with plain
 * JDBC. This is the reader of {@link SchemaInspector#update}, which the migration stairway calls once
 * per version: the SQL of a small schema runs in about 3 ms, and SchemaCrawler's own bookkeeping
 * around it (task runners, type maps, name lookups) costs 10 to 25 ms more per call. Full inspections
 * keep SchemaCrawler; every inspection test checks that both readers make the same snapshot.
 *
 * <p>The rules SchemaCrawler applies are applied here too: rows of tables the {@code TABLES} query
 * left out (Flyway's history table, objects of extensions) are ignored, values of its own model are
 * trimmed (the extra columns it keeps as attributes are not), an
 * empty index predicate is none, and columns of keys, constraints and indexes are put in their
 * ordinal order.
 */
final class CatalogReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ALL = new HashMap<>();
    private static final Map<String, String> NARROWED = new HashMap<>();

    static {
        for (String query : List.of("TABLES", "TABLE_COLUMNS", "PRIMARY_KEYS", "INDEXES", "TABLE_CONSTRAINTS",
                "CONSTRAINT_COLUMN_USAGE", "TRIGGERS", "VIEWS", "SEQUENCES", "FUNCTIONS")) {
            ALL.put(query, CatalogSql.read(query, false));
            NARROWED.put(query, CatalogSql.read(query, true));
        }
    }

    private CatalogReader() {
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
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
        Map<String, String> sql = session.narrowed() ? NARROWED : ALL;
        long schemaOid = session.schemaOid();
        Map<String, TableRows> tables = new HashMap<>();
        Map<String, Boolean> views = new HashMap<>(); // name -> materialised
        rows(connection, sql, "TABLES", schemaOid, rs -> {
            String type = text(rs, "table_type");
            if ("TABLE".equals(type)) {
                tables.put(text(rs, "table_name"), new TableRows(text(rs, "table_name")));
            } else {
                views.put(text(rs, "table_name"), "MATERIALIZED VIEW".equals(type));
            }
        });
        rows(connection, sql, "TABLE_COLUMNS", schemaOid, rs -> {
            TableRows table = tables.get(text(rs, "table_name"));
            if (table != null) {
                String name = text(rs, "column_name");
                table.columns.put(name, new Column(name, raw(rs, "formatted_type"), rs.getInt("nullable") == 1,
                        text(rs, "column_def"), raw(rs, "identity_generation")));
            }
        });
        Map<String, String> keyNames = new HashMap<>();
        Map<String, Ordered> keys = new LinkedHashMap<>();
        rows(connection, sql, "PRIMARY_KEYS", schemaOid, rs -> {
            String table = text(rs, "table_name");
            if (tables.containsKey(table)) {
                keyNames.put(table, text(rs, "pk_name"));
                keys.computeIfAbsent(table, t -> new Ordered()).columns.put(rs.getInt("key_seq"), text(rs, "column_name"));
            }
        });
        keys.forEach((table, key) -> tables.get(table).primaryKey = new PrimaryKey(keyNames.get(table), key.names()));
        readIndexes(connection, sql, schemaOid, tables);
        readConstraints(connection, sql, schema, schemaOid, tables);
        rows(connection, sql, "TRIGGERS", schemaOid, rs -> {
            TableRows table = tables.get(text(rs, "event_object_table"));
            if (table != null) {
                String name = text(rs, "trigger_name");
                table.triggers.put(name, new Trigger(name, text(rs, "action_statement")));
            }
        });
        Map<String, View> viewsByName = new HashMap<>();
        rows(connection, sql, "VIEWS", schemaOid, rs -> {
            String name = text(rs, "table_name");
            if (views.containsKey(name)) {
                viewsByName.put(name, new View(name, views.get(name), text(rs, "view_definition")));
            }
        });
        Map<String, Sequence> sequences = new HashMap<>();
        rows(connection, sql, "SEQUENCES", schemaOid, rs -> {
            String name = text(rs, "sequence_name");
            String start = text(rs, "start_value");
            sequences.put(name, new Sequence(name, raw(rs, "data_type"),
                    start == null ? 1L : new BigInteger(start).longValueExact(),
                    Long.parseLong(text(rs, "increment")), raw(rs, "owned_by")));
        });
        Map<String, Routine> routines = new HashMap<>();
        rows(connection, sql, "FUNCTIONS", schemaOid, rs -> {
            Routine routine = new Routine(raw(rs, "routine_signature"), raw(rs, "routine_kind"),
                    raw(rs, "routine_result"), raw(rs, "routine_language"), raw(rs, "routine_body"));
            routines.put(routine.signature(), routine);
        });
        Map<String, Table> done = new HashMap<>();
        tables.forEach((name, table) -> done.put(name, table.table()));
        return new SchemaSnapshot(schema, done, viewsByName, sequences, enums, routines);
    }

    private static void readIndexes(Connection connection, Map<String, String> sql, long schemaOid,
                                    Map<String, TableRows> tables) throws SQLException {
        record IndexRows(String table, String name, boolean unique, String predicate, String method, String include,
                         Ordered columns) {
        }
        Map<List<String>, IndexRows> indexes = new LinkedHashMap<>();
        rows(connection, sql, "INDEXES", schemaOid, rs -> {
            String table = text(rs, "table_name");
            if (tables.containsKey(table)) {
                String name = text(rs, "index_name");
                IndexRows index = indexes.computeIfAbsent(List.of(table, name), k -> {
                    try {
                        String predicate = text(rs, "filter_condition");
                        return new IndexRows(table, name, !rs.getBoolean("non_unique"),
                                predicate == null || predicate.isEmpty() ? null : predicate, raw(rs, "index_method"),
                                raw(rs, "include_columns"), new Ordered());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                index.columns().columns.put(rs.getInt("ordinal_position"), text(rs, "column_name"));
            }
        });
        for (IndexRows index : indexes.values()) {
            tables.get(index.table()).indexes.put(index.name(), new Index(index.name(), index.columns().names(),
                    index.unique(), index.predicate(), index.method(),
                    index.include() == null ? List.of() : List.of(json(index.include(), String[].class))));
        }
    }

    private static void readConstraints(Connection connection, Map<String, String> sql, String schema,
                                        long schemaOid, Map<String, TableRows> tables) throws SQLException {
        Map<List<String>, Ordered> columns = new HashMap<>();
        rows(connection, sql, "CONSTRAINT_COLUMN_USAGE", schemaOid, rs -> columns.computeIfAbsent(
                List.of(text(rs, "table_name"), text(rs, "constraint_name")), k -> new Ordered())
                .columns.put(rs.getInt("ordinal_position"), text(rs, "column_name")));
        rows(connection, sql, "TABLE_CONSTRAINTS", schemaOid, rs -> {
            TableRows table = tables.get(text(rs, "table_name"));
            if (table == null) {
                return;
            }
            String name = text(rs, "constraint_name");
            Ordered own = columns.get(List.of(table.name, name));
            List<String> names = own == null ? List.of() : own.names();
            switch (text(rs, "constraint_type")) {
                case "UNIQUE" -> table.uniques.put(name, new UniqueConstraint(name, names));
                case "FOREIGN KEY" -> {
                    Target target = json(raw(rs, "foreign_key_target"), Target.class);
                    String referenced = schema.equals(target.schema()) ? target.table()
                            : target.schema() + "." + target.table();
                    table.foreignKeys.put(name, new ForeignKey(name, names, referenced, target.columns(),
                            target.onDelete(), target.onUpdate()));
                }
                default -> table.checks.put(name, new CheckConstraint(name, raw(rs, "constraint_definition")));
            }
        });
    }

    /** Runs one of the catalog queries (prepared on the server from its first use) and hands over each row. */
    private static void rows(Connection connection, Map<String, String> sql, String query, long schemaOid, Row row)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.get(query)
                .replace("${schemaOid}", Long.toString(schemaOid)))) {
            PreparingConnection.prepareAtOnce(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    /** A value SchemaCrawler keeps as an attribute of the object: as the server sent it. */
    private static String raw(ResultSet rs, String column) throws SQLException {
        return rs.getString(column);
    }

    /** A value SchemaCrawler reads into its own model: trimmed, or null. */
    private static String text(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : value.strip();
    }

    /** A JSON value of the catalog SQL (foreign key targets, INCLUDE columns). */
    static <T> T json(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + " from the catalog: " + json, e);
        }
    }

    /** What a foreign key references, as TABLE_CONSTRAINTS.sql writes it in JSON. */
    record Target(String schema, String table, List<String> columns, String onDelete, String onUpdate) {
    }
}
