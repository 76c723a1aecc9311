package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.testing.SharedPostgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Test shorthand: a fresh database built from SQL, and the snapshot of one of its schemas. */
final class Databases {
    private Databases() {
    }

    static DataSource databaseWith(String... statements) {
        DataSource db = SharedPostgres.freshDatabase();
        SharedPostgres.execute(db, statements);
        return db;
    }

    /**
     * The snapshot of a schema ({@link SchemaInspector#inspect}); every test that inspects through
     * here also proves that SchemaCrawler, reading the same SQL, makes the same snapshot.
     */
    static SchemaSnapshot inspect(DataSource db, String schema) {
        try (Connection connection = db.getConnection()) {
            SchemaSnapshot snapshot = SchemaInspector.create().inspect(connection, schema);
            assertThat(snapshot).as("snapshot of %s against SchemaCrawler's", schema)
                    .isEqualTo(SchemaCrawlerReference.read(connection, schema));
            return snapshot;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static SchemaSnapshot inspectPublic(String... statements) {
        return inspect(databaseWith(statements), "public");
    }
}
