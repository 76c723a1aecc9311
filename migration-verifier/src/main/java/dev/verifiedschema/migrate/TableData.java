package dev.verifiedschema.migrate;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;

import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.verifiedschema.contract.Identifiers.literal;
import static dev.verifiedschema.contract.Identifiers.quote;

/**
 * A fingerprint of the data in some tables: the row count, per column a hash of its values as a
 * multiset (the sum of a 64-bit hash of each value's text, so no sort is needed), and a hash of the
 * rows as a multiset (the same sum over each row's text), read for all tables in one query. Comparing
 * two tells which table and column changed, and catches values that moved between rows (two users'
 * balances swapped), which leaves every column's multiset as it was.
 */
final class TableData {
    /** Row count, column hashes and row hash of one table (no hashes when it has no rows). */
    record Print(long rows, Map<String, String> columns, String rowsHash) {
    }

    /**
     * The tables that exist, and whether each may hold rows: a heap table of zero blocks holds none
     * (the size is a file-size lookup, not a scan); partitioned tables and inheritance parents are
     * always read, as their count includes their children's rows, and so is a table of any other
     * access method. One prepared statement whatever the tables are, so the server plans it once.
     */
    private static final String EXISTING = "SELECT c.relname::text, c.relkind = 'p' OR c.relhassubclass"
            + " OR c.relam IS DISTINCT FROM (SELECT a.oid FROM pg_catalog.pg_am a WHERE a.amname = 'heap')"
            + " OR pg_catalog.pg_relation_size(c.oid) > 0 FROM pg_catalog.pg_class c"
            + " WHERE c.relnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ?)"
            + " AND c.relkind IN ('r', 'p') AND c.relname::text = ANY (?)";

    private TableData() {
    }

    /** The columns to fingerprint: for every table in both snapshots, the columns they share by name. */
    static Map<String, List<String>> sharedColumns(SchemaSnapshot a, SchemaSnapshot b) {
        Map<String, List<String>> shared = new TreeMap<>();
        for (Table table : a.tables().values()) {
            Table other = b.tables().get(table.name());
            if (other != null) {
                Set<String> names = new TreeSet<>(table.columns().keySet());
                names.retainAll(other.columns().keySet());
                shared.put(table.name(), List.copyOf(names));
            }
        }
        return shared;
    }

    /**
     * Reads the prints of the tables: first which of them exist and may hold rows at all (one cheap
     * query), then counts and column hashes for those. A table without rows prints as 0 rows, no
     * hashes; a table that does not exist has no print (so a comparison says it is gone).
     */
    static Map<String, Print> read(Connection connection, String schema, Map<String, List<String>> columns)
            throws SQLException {
        Map<String, Print> prints = new TreeMap<>();
        if (columns.isEmpty()) {
            return prints;
        }
        List<String> filled = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(EXISTING)) {
            statement.setString(1, schema);
            statement.setArray(2, connection.createArrayOf("text", columns.keySet().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        filled.add(rs.getString(1));
                    } else {
                        prints.put(rs.getString(1), new Print(0, Map.of(), ""));
                    }
                }
            }
        }
        if (filled.isEmpty()) {
            return prints;
        }
        List<String> parts = new ArrayList<>();
        for (String table : filled) {
            StringBuilder hashes = new StringBuilder("array[]::text[]");
            StringBuilder row = new StringBuilder();
            for (String col : columns.get(table)) {
                hashes.append(" || coalesce(sum(pg_catalog.hashtextextended(pg_catalog.quote_nullable(")
                        .append(quote(col)).append("), 0)), 0)::text");
                row.append(row.isEmpty() ? "" : ", ").append("t.").append(quote(col));
            }
            // the rows as a multiset, of the same columns in the same (name) order
            hashes.append(" || coalesce(sum(pg_catalog.hashtextextended(row(").append(row)
                    .append(")::text, 0)), 0)::text");
            parts.add("select " + literal(table) + ", count(*), " + hashes + " from " + quote(schema) + "."
                    + quote(table) + " t");
        }
        query(connection, parts, rs -> {
            String table = rs.getString(1);
            List<String> hashes = Arrays.asList((String[]) rs.getArray(3).getArray());
            Map<String, String> byColumn = new TreeMap<>();
            List<String> cols = columns.get(table);
            for (int i = 0; i < cols.size(); i++) {
                byColumn.put(cols.get(i), hashes.get(i));
            }
            long rows = rs.getLong(2);
            prints.put(table, rows == 0 ? new Print(0, Map.of(), "") : new Print(rows, byColumn, hashes.get(cols.size())));
        });
        return prints;
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * Runs the union as a statement prepared on the server from its first use: most reads of a
     * stairway repeat the text of an earlier one (the same tables and columns), and parsing and
     * planning its many aggregates costs several times what running it does.
     */
    private static void query(Connection connection, List<String> selects, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(String.join("\nunion all\n", selects))) {
            if (statement.isWrapperFor(PGStatement.class) && statement.unwrap(PGStatement.class).getPrepareThreshold() > 0) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    /** What differs, one sentence per table or column, e.g. {@code users.free_quota: values differ (2 rows)}. */
    static List<String> differences(Map<String, Print> before, Map<String, Print> after) {
        List<String> out = new ArrayList<>();
        before.forEach((table, was) -> {
            Print now = after.get(table);
            if (now == null) {
                out.add(table + ": the table is gone");
            } else if (was.rows() != now.rows()) {
                out.add(table + ": " + was.rows() + " rows before, " + now.rows() + " after");
            } else {
                int columnDifferences = out.size();
                was.columns().forEach((column, hash) -> {
                    if (!hash.equals(now.columns().get(column))) {
                        out.add(table + "." + column + ": values differ (" + was.rows() + " rows)");
                    }
                });
                // a row hash covers the print's columns: comparable where both prints read the same ones
                // (every undo check; a redo check of a version that added no column to the table)
                if (out.size() == columnDifferences && was.columns().keySet().equals(now.columns().keySet())
                        && !was.rowsHash().equals(now.rowsHash())) {
                    out.add(table + ": values moved between rows (every column holds the same values, but not in "
                            + "the same rows; " + was.rows() + " rows)");
                }
            }
        });
        return out;
    }
}
