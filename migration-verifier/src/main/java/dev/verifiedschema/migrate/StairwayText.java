package dev.verifiedschema.migrate;

import dev.verifiedschema.compare.Change;
import dev.verifiedschema.compare.SchemaDiff;

import java.util.List;


/** The stairway's wording of schema differences, and the stable objects its findings name. */
final class StairwayText {
    private StairwayText() {
    }

    /** What an undo left behind, removed or changed, one line each. */
    static String undoDiff(SchemaDiff diff) {
        StringBuilder text = new StringBuilder();
        for (Change c : diff.changes()) {
            text.append("  - ").append(switch (c.kind()) {
                case ADDED -> "left behind: " + c.objectType().words() + " " + c.name() + " " + c.after();
                case REMOVED -> "removed: " + c.objectType().words() + " " + c.name() + " " + c.before();
                case CHANGED -> "changed: " + c.objectType().words() + " " + c.name() + " is " + c.after()
                        + ", was " + c.before();
            }).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** How a redo differs from the first run, one line each. */
    static String redoDiff(SchemaDiff diff) {
        return diff.changes().stream().map(c -> "  - " + c.describe()).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** The objects of a schema difference, stable from run to run: {@code index accounts_email_idx, column ...}. */
    static String objects(SchemaDiff diff) {
        return diff.changes().stream().map(c -> c.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                + c.objectType().words() + " " + c.name()).sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    /** The tables and columns of data differences, without their row counts. */
    static String tables(List<String> differences) {
        return differences.stream().map(d -> d.substring(0, Math.max(0, d.indexOf(':')))).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** What to do about an undo that left the schema changed; an empty one is likely a step that cannot be undone. */
    static String fixUndo(MigrationScript undo, MigrationScript forward) {
        return "Fix " + undo.fileName() + " so that it reverses everything " + forward.fileName() + " does."
                + (SqlStatements.split(undo.sql()).isEmpty() ? " It holds no statement: if V" + forward.version()
                + " cannot be undone, say so in " + forward.fileName() + "'s leading comments with "
                + "-- verified-schema: irreversible (the empty undo is then not run)." : "");
    }

    /** The database (or the reading of its catalog) failed under a step: which step, what, what it may mean. */
    static String databaseFailed(String at, Exception e) {
        if (e instanceof java.sql.SQLException sql && "53300".equals(sql.getSQLState())) {
            return "At " + at + " no connection could be opened: " + sql.getMessage() + " (SQLState 53300). A "
                    + "stairway holds 5 connections to its database at once (its own, the catalog reader, the data "
                    + "prints and Flyway's two), and an external provider one more; raise the role's CONNECTION LIMIT "
                    + "or the server's max_connections, or run fewer builds against the server at once.";
        }
        String what = e instanceof java.sql.SQLException sql ? sql.getMessage() + " (SQLState " + sql.getSQLState() + ")"
                : "reading the catalog failed: " + e.getMessage();
        String state = e instanceof java.sql.SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (FlywayBlame.endsSession(state)) {
            return "At " + at + " the database failed: " + what + ". The session ended under the step: the server "
                    + "stopped or restarted, a statement ended the session (pg_terminate_backend, a DBA), or the network "
                    + "dropped. Is the server still up? Nothing of the step was kept; run again once it is.";
        }
        return "At " + at + " the database failed: " + what + dev.verifiedschema.health.SqlStateAdvice.of(state.isEmpty()
                ? null : state) + ". Nothing of the step was kept.";
    }

    /** The finding of a version without an undo script where one is required. */
    static Finding missingUndo(MigrationScript forward) {
        return new Finding("undo", forward.version().text(), forward.fileName(), Finding.MISSING_UNDO,
                forward.fileName(), forward.path() + " has no undo script " + UndoScripts.pattern(forward) + "; write "
                + "one, or mark the version irreversible with the leading comment -- verified-schema: irreversible, "
                + "or set the undo policy to optional", null);
    }
}
