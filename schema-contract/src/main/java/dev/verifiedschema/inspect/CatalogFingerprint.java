package dev.verifiedschema.inspect;

import schemacrawler.schemacrawler.InformationSchemaKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A hash of everything a snapshot is made from, computed by the server in one round trip: the rows of
 * the very catalog queries {@link CatalogCrawler} and {@link CatalogSession} read, each row as JSON
 * text, sorted and hashed. A snapshot is a function of those rows (their order aside, which the
 * queries' own position columns carry), so equal fingerprints of one schema mean equal snapshots.
 * Two things that never reach a snapshot are left out, so that they do not make equal schemas look
 * different: rows that describe Flyway's history table itself, and a function's OID (SchemaCrawler
 * keys functions by a "specific name" built from it; the snapshot keys them by signature, which
 * the rows still carry). A changed fingerprint only says "inspect to find out".
 *
 * <p>The statement text is the same for every call on a database, so the JDBC driver prepares it on
 * the server after a few calls and the catalog queries are not planned again each time.
 */
final class CatalogFingerprint {
    private static final String SQL = build();

    private CatalogFingerprint() {
    }

    private static String build() {
        List<String> parts = new ArrayList<>();
        for (InformationSchemaKey key : CatalogCrawler.QUERIES) {
            parts.add(part(key.name(), "", CatalogSql.read(key.name())));
        }
        // enum labels: their order is part of the snapshot, so each row carries its position
        parts.add(part("ENUMS", "pg_catalog.row_number() OVER () || ' ' || ",
                CatalogSql.read("enums").replace("?::pg_catalog.oid", "${schemaOid}::pg_catalog.oid")));
        return "SELECT pg_catalog.md5(pg_catalog.string_agg(f.x, E'\\n' ORDER BY f.x)) FROM (\n"
                + String.join("\nUNION ALL\n", parts) + "\n) f";
    }

    private static String part(String name, String prefix, String sql) {
        return "SELECT '" + name + " ' || " + prefix + "(j.row - 'specific_name')::text AS x FROM (\n" + sql
                + "\n) r CROSS JOIN LATERAL (SELECT pg_catalog.to_jsonb(r) AS row) j"
                + " WHERE COALESCE(j.row ->> 'table_name', j.row ->> 'event_object_table', '') <> 'flyway_schema_history'";
    }

    /** The fingerprint of the schema with this OID, on a connection whose search path is that schema. */
    static String read(Connection connection, long schemaOid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL.replace("${schemaOid}",
                Long.toString(schemaOid)))) {
            if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(1);
            }
            try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            String hash = rs.getString(1);
            return hash == null ? "empty" : hash;
            }
        }
    }
}
