package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.Extension;
import dev.verifiedschema.snapshot.SchemaSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference reader of the tests: SchemaCrawler over the same catalog SQL, mapped to a snapshot
 * by {@link CatalogMapper}. Every test that inspects a schema through {@link Databases} requires the
 * product's reader ({@link SchemaInspector#inspect}) to make the same snapshot.
 */
final class SchemaCrawlerReference {
    private SchemaCrawlerReference() {
    }

    static SchemaSnapshot read(Connection connection, String schema) throws SQLException {
        try (CatalogSession session = CatalogSession.open(connection, schema)) {
            return CatalogMapper.toSnapshot(schema, CatalogCrawler.crawl(connection, session.schemaOid()),
                    session.readEnums(), extensions(connection, session.schemaOid()));
        }
    }

    /** The schema's extensions, which SchemaCrawler does not model: read straight from pg_extension. */
    private static Map<String, Extension> extensions(Connection connection, long schemaOid) throws SQLException {
        Map<String, Extension> extensions = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT extname, extversion FROM pg_catalog.pg_extension WHERE extnamespace = ?")) {
            read.setLong(1, schemaOid);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    extensions.put(rs.getString(1), new Extension(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return extensions;
    }
}
