package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.SchemaSnapshot;

import java.sql.Connection;
import java.sql.SQLException;

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
                    session.readEnums());
        }
    }
}
