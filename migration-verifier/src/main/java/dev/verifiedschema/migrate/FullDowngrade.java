package dev.verifiedschema.migrate;

import dev.verifiedschema.compare.SchemaDiff;
import dev.verifiedschema.migrate.SchemaLevels.Level;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The stairway's last check: every climbed version undone from head down (each undo with its history
 * row, in one transaction), then the schema compared with the level it must return to: the one
 * before the climb, or that of the newest version marked irreversible.
 */
final class FullDowngrade {
    private FullDowngrade() {
    }

    /**
     * Undoes the versions, newest first, and compares.
     *
     * @param reversed the versions to undo, newest first; each has an undo script
     * @param target   the level the schema must return to
     * @param to       the target in words, for the message ({@code zero}, {@code V3 (...)})
     * @return {@code null} when the downgrade left no trace; else the finding (a {@link Finding#DATABASE}
     *         one when the DDL tracking missed a change, after which the run cannot go on)
     */
    static Finding run(MigrationSet set, Connection connection, String schema, SchemaLevels levels,
                       List<MigrationScript> reversed, Level target, String to) throws SQLException {
        for (MigrationScript forward : reversed) {
            MigrationScript undo = set.undo(forward.version()).orElseThrow();
            ScriptFailure failed = UndoScripts.undo(connection, undo, schema);
            if (failed != null) {
                return new Finding("full downgrade", forward.version().text(), undo.fileName(), Finding.UNDO_FAILED,
                        undo.fileName(), "undo of V" + forward.version() + " failed during the full downgrade (with "
                        + "the data of every later version's fixtures in place): " + failed.describe()
                        + "\nNothing of the undo script was kept (it ran in one transaction).", null);
            }
        }
        SchemaDiff trace = levels.diffFrom(target);
        var missed = levels.missedByTracking(levels.lastSeen(), "in the full downgrade");
        if (missed.isPresent()) {
            return new Finding("database", null, null, Finding.DATABASE, "", missed.get(), null);
        }
        if (!trace.isEmpty()) {
            return new Finding("full downgrade", null, null, Finding.DOWNGRADE_TRACE, StairwayText.objects(trace),
                    "a full downgrade from head to " + to + " left a trace:\n" + StairwayText.undoDiff(trace)
                    + "\nEvery object must be dropped by the undo script of the version that created it.", null);
        }
        return null;
    }
}
