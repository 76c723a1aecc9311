package dev.verifiedschema.cli;

import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.provision.Secrets;

import java.io.PrintWriter;
import java.sql.SQLException;

/**
 * What {@code upgrade} and {@code downgrade} do before they write to a live database: check it for
 * drift from its migrations (as {@code drift} does, on a throwaway replica) and refuse when it has
 * drifted, unless {@code --force}; and say what they are about to do, on standard error, before
 * doing it.
 */
final class WriteGate {
    private WriteGate() {
    }

    /**
     * The refusal when the live database has drifted, or {@code null} when it may be written.
     *
     * @param force whether {@code --force} was given: the drift check is skipped, and the command says so
     */
    static Result refusal(DatabaseCommand command, MigrationSet set, String schema, boolean force) throws SQLException {
        String name = command.spec.name();
        if (force) {
            announce(command, "--force: the drift check is skipped; " + name + " writes to " + command.db.masked()
                    + " whatever it holds.");
            return null;
        }
        Result drift = new Result(name);
        try (Scratch scratch = Scratch.embedded(0)) {
            DriftCheck.run(command, command.db, set, schema, scratch, drift, false);
        }
        if (!drift.failed()) {
            return null;
        }
        return drift.summary("Refused: " + command.db.masked() + " has drifted from its migrations (the findings "
                + "below), so " + name + " would build on a schema the scripts do not describe; nothing was changed. "
                + "Fix the drift first (a new migration, or restore what was changed by hand), or run " + name
                + " with --force to write anyway.");
    }

    /** Says, on standard error (standard output carries the report), what the command does next. */
    static void announce(BaseCommand command, String what) {
        PrintWriter err = command.spec.commandLine().getErr();
        err.println(Secrets.mask(what, command.secret()));
        err.flush();
    }
}
