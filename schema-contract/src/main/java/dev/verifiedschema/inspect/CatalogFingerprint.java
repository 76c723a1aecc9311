package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.SchemaSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Fingerprint} of a schema, computed by the server in one round trip: the rows of the very
 * catalog queries {@link CatalogReader} and {@link CatalogSession} read, each row in its text form,
 * sorted and hashed per part: rows about one table or view (its {@code table_name}, or a trigger's
 * {@code event_object_table}) form that relation's part, and sequences, functions, enum types, the
 * extensions installed in the schema and the schema row form one part each. A snapshot is a function of those rows (their order aside, which the
 * queries' own position columns carry), and each table or view of a snapshot a function of its own
 * part, so equal parts mean equal objects. Two things that never reach a snapshot are left out, so
 * that they do not make equal schemas look different: rows that describe Flyway's history table
 * itself, and a function's OID (the FUNCTIONS query's "specific name" is built from it; the
 * snapshot keys functions by signature, which the rows still carry).
 *
 * <p>The statement text is the same for every call on a database, and it is prepared on the server
 * from its first use, so the catalog queries are planned once per connection.
 */
final class CatalogFingerprint {
    private static final String ALL = build(false);
    private static final String NARROWED = build(true);
    /** How the text of a TABLES query row starts in a relation's part. */
    private static final String TABLES_ROW = "TABLES ";

    private CatalogFingerprint() {
    }

    private static String build(boolean narrowed) {
        List<String> parts = new ArrayList<>();
        for (String query : CatalogSql.QUERIES) {
            String sql = CatalogSql.query(query);
            parts.add(switch (query) {
                case "SCHEMATA" -> part("'" + Fingerprint.SCHEMA + "'", "'SCHEMATA ' || r::text", sql, "true");
                case "SEQUENCES" -> part("'" + Fingerprint.SEQUENCES + "'", "'SEQUENCES ' || r::text", sql, "true");
                // the specific name carries the function's OID, which a snapshot never shows
                case "FUNCTIONS" -> part("'" + Fingerprint.FUNCTIONS + "'",
                        "'FUNCTIONS ' || (pg_catalog.to_jsonb(r) - 'specific_name')::text", sql, "true");
                case "TRIGGERS" -> relationPart(query, "r.event_object_table", sql);
                default -> relationPart(query, "r.table_name", sql);
            });
        }
        // enum labels: their order is part of the snapshot, so each row carries its position
        parts.add(part("'" + Fingerprint.ENUMS + "'", "'ENUMS ' || pg_catalog.row_number() OVER () || ' ' || r::text",
                CatalogSql.read("enums").replace("?::pg_catalog.oid", "${schemaOid}::pg_catalog.oid"), "true"));
        // the extensions installed in the schema: a few rows of pg_extension, so read again at every call
        parts.add(part("'" + Fingerprint.EXTENSIONS + "'", "'EXTENSIONS ' || r::text",
                CatalogSql.query(CatalogReader.EXTENSIONS), "true"));
        // the third column says whether a part holds a row of the TABLES query: rows about a relation
        // that query leaves out (an extension's, a foreign table) reach no snapshot, so read() makes no
        // part of them (filtering here, by the TABLES query again, cost a third of the statement's time)
        return CatalogSql.with(narrowed) + "SELECT f.part, pg_catalog.md5(pg_catalog.string_agg(f.x, E'\\n' ORDER BY f.x)), "
                + "pg_catalog.bool_or(f.x LIKE '" + TABLES_ROW + "%') FROM (\n"
                + String.join("\nUNION ALL\n", parts) + "\n) f GROUP BY f.part";
    }

    /**
     * Rows about one table or view, keyed by its name, each prefixed with its query's name (rows of
     * two queries may otherwise print alike); Flyway's history table is left out.
     */
    private static String relationPart(String query, String nameColumn, String sql) {
        return part("'" + Fingerprint.RELATION + "' || " + nameColumn, "'" + query + " ' || r::text", sql,
                nameColumn + " <> '" + SchemaSnapshot.FLYWAY_HISTORY_TABLE + "'");
    }

    /** Each row of the query as text (the row's own text form: cheaper than JSON), with its part key. */
    private static String part(String partKey, String rowText, String sql, String where) {
        return "SELECT " + partKey + " AS part, " + rowText + " AS x FROM (\n" + sql + "\n) r WHERE " + where;
    }

    /** The fingerprint of the session's schema, as far as the session's narrowing lets the queries see it. */
    static Fingerprint read(Connection connection, CatalogSession session) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement((session.narrowed() ? NARROWED : ALL)
                .replace("${schemaOid}", Long.toString(session.schemaOid())))) {
            CatalogSql.prepareAtOnce(statement);
            Map<String, String> parts = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String part = rs.getString(1);
                    if (!part.startsWith(Fingerprint.RELATION) || rs.getBoolean(3)) {
                        parts.put(part, rs.getString(2));
                    }
                }
            }
            return new Fingerprint(parts);
        }
    }
}
