package dev.verifiedschema.health;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads, in one query, the columns of the tables a contract names or owns: enough for the
 * start-up health check, and readable by any role that may connect (pg_catalog only).
 */
final class CatalogColumns {
    private static final String SQL = """
            select c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity
              from pg_catalog.pg_class c
              join pg_catalog.pg_namespace n on n.oid = c.relnamespace
              left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
              left join pg_catalog.pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
             where n.nspname = ? and c.relkind in ('r', 'p', 'f')
               and c.relname <> 'flyway_schema_history'
               and (c.relname = any(?) or c.relname like any(?))""";

    private CatalogColumns() {
    }

    static SchemaSnapshot read(Connection connection, Contract contract) throws SQLException {
        Map<String, Map<String, Column>> columns = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            Array names = connection.createArrayOf("text", contract.tables().keySet().toArray());
            Array patterns = connection.createArrayOf("text",
                    contract.owned().stream().map(CatalogColumns::likePattern).toArray());
            statement.setString(1, contract.schema());
            statement.setArray(2, names);
            statement.setArray(3, patterns);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Column> table = columns.computeIfAbsent(rs.getString(1), t -> new HashMap<>());
                    String column = rs.getString(2);
                    if (column != null) {
                        String identity = rs.getString(6);
                        table.put(column, new Column(column, rs.getString(3), !rs.getBoolean(4), rs.getString(5),
                                identity == null || identity.isEmpty() ? null
                                        : identity.equals("a") ? "ALWAYS" : "BY DEFAULT"));
                    }
                }
            }
        }
        Map<String, Table> tables = new HashMap<>();
        columns.forEach((name, cols) -> tables.put(name,
                new Table(name, cols, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of())));
        return new SchemaSnapshot(contract.schema(), tables, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** A glob as a LIKE pattern: LIKE's own wildcards are escaped, then {@code *} and {@code ?} translated. */
    static String likePattern(String glob) {
        return glob.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                .replace('*', '%').replace('?', '_');
    }
}
