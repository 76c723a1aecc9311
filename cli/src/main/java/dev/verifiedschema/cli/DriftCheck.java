package dev.verifiedschema.cli;

import dev.verifiedschema.compare.Change;
import dev.verifiedschema.compare.SchemaDiff;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.migrate.LiveMigrations;
import dev.verifiedschema.migrate.MigrationScript;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.MigrationVersion;
import dev.verifiedschema.snapshot.SchemaSnapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;


/**
 * Compares a live database with what its own {@code flyway_schema_history} claims: the same
 * versions are rebuilt on a throwaway database and the two schemas are diffed. Nothing is written
 * to the live database.
 */
final class DriftCheck {
    /** The live version, or {@code null} when nothing is applied. */
    MigrationVersion liveVersion;

    /** The live database's schema, as read for the comparison. */
    SchemaSnapshot live;

    private DriftCheck() {
    }

    static DriftCheck run(BaseCommand command, DatabaseOptions db, MigrationSet set, String schema, Scratch scratch,
                          Result result, boolean acceptEdited) throws SQLException {
        DriftCheck drift = new DriftCheck();
        try (Connection live = db.connect(command.root.env)) {
            List<MigrationVersion> applied = LiveMigrations.of(db.dataSource(command.root.env), set, schema).applied();
            drift.liveVersion = applied.isEmpty() ? null : applied.get(applied.size() - 1);
            for (MigrationVersion v : applied) {
                if (set.forwards().stream().noneMatch(f -> f.version().equals(v))) {
                    result.problem("V" + v, "V" + v + " is recorded as applied in the live database, but "
                            + "there is no V" + v + "__*.sql in the migrations; the scripts are out of date");
                }
            }
            checksums(db, command, set, schema, result, acceptEdited);
            SchemaSnapshot replica = replica(scratch, set, drift.liveVersion, schema);
            drift.live = SchemaInspector.create().inspect(live, schema);
            SchemaDiff diff = SchemaDiff.between(replica, drift.live);
            for (Change c : diff.changes()) {
                result.problem(c.objectType().words() + " " + c.name(), switch (c.kind()) {
                    case ADDED -> "only in the live database (not made by any migration): " + c.after();
                    case REMOVED -> "missing from the live database (a migration makes it): " + c.before();
                    case CHANGED -> "differs: migrations make " + c.before() + ", the live database has " + c.after();
                });
            }
            result.put("liveVersion", drift.liveVersion == null ? null : drift.liveVersion.text())
                    .put("drift", diff.changes().stream().map(Change::describe).toList());
        }
        return drift;
    }

    /**
     * A migration edited after the live database applied it means that what production ran is not
     * what the scripts say: a finding (NO-GO for rehearse), unless accepted explicitly.
     */
    private static void checksums(DatabaseOptions db, BaseCommand command, MigrationSet set, String schema,
                                  Result result, boolean acceptEdited) {
        for (LiveMigrations.HistoryProblem invalid
                : LiveMigrations.of(db.dataSource(command.root.env), set, schema).validateApplied()) {
            String flyway = invalid.message();
            if (!invalid.edited()) {
                // a failed migration, a script applied out of order, a changed description: Flyway refuses
                // the upgrade for these, and no option accepts them here either
                result.problem("V" + invalid.version() + " history", "Flyway's validation of the live database fails "
                        + "at V" + invalid.version() + ": " + flyway + ". Production's Flyway would refuse to migrate "
                        + "it this way; repair the history or the scripts first.");
                continue;
            }
            String message = "V" + invalid.version() + " was edited after the live database applied it, so what it ran is "
                    + "not what the script says now (" + flyway + "). Restore the script as it was applied (see its "
                    + "history in version control) and put the change into a new migration; if the edit changes "
                    + "nothing the database holds (a comment), accept it with --accept-edited-migrations.";
            if (acceptEdited) {
                result.passed("V" + invalid.version() + " checksum", "accepted (--accept-edited-migrations): " + message);
            } else {
                result.problem("V" + invalid.version() + " checksum", message);
            }
        }
    }

    private static SchemaSnapshot replica(Scratch scratch, MigrationSet set, MigrationVersion version, String schema)
            throws SQLException {
        String database = scratch.newDatabase();
        if (version != null) {
            MigrationScript target = set.forwards().stream().filter(f -> f.version().compareTo(version) <= 0)
                    .reduce((a, b) -> b).orElse(null);
            if (target != null) {
                LiveMigrations.of(scratch.server().dataSource(database), set, schema).migrateTo(version);
            }
        }
        try (Connection c = scratch.server().dataSource(database).getConnection()) {
            return SchemaInspector.create().inspect(c, schema);
        }
    }
}
