package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.testing.SharedPostgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Test shorthand: a fresh database built from SQL, and the snapshot of one of its schemas. */
final class Databases {
    private Databases() {
    }

    static DataSource databaseWith(String... statements) {
        DataSource db = SharedPostgres.freshDatabase();
        SharedPostgres.execute(db, statements);
        return db;
    }

    static SchemaSnapshot inspect(DataSource db, String schema) {
        try (Connection connection = db.getConnection()) {
            return SchemaInspector.create().inspect(connection, schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static SchemaSnapshot inspectPublic(String... statements) {
        return inspect(databaseWith(statements), "public");
    }
}
