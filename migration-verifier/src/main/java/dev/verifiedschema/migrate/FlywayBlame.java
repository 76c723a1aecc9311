package dev.verifiedschema.migrate;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Which script a failed Flyway run failed on, and how. Flyway names it when a migration fails
 * while running; when it fails while reading or planning the next one (a placeholder without a
 * value, statements that cannot share a transaction under {@code mixed=false}), it names none, and
 * the script is the one after the last migration that started ({@code null}: the first of the run).
 *
 * @param version  the version blamed, {@code null} for a repeatable migration or nothing known
 * @param fileName the script blamed, or {@code null}
 * @param message  what failed, the file, line and column, and the database's state
 */
record FlywayBlame(String version, String fileName, String message) {

    static FlywayBlame of(MigrationSet set, java.util.List<MigrationScript> run, MigrationScript lastStarted,
                       FlywayException e) {
        java.util.List<MigrationScript> order = new java.util.ArrayList<>(run);
        set.repeatables().stream().filter(r -> !order.contains(r)).forEach(order::add);
        java.util.List<MigrationScript> known = new java.util.ArrayList<>(order);
        known.addAll(set.callbacks());
        MigrationScript blamed = null;
        boolean reading = true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywayMigrateException m && m.getMigration() != null && m.getMigration().getScript() != null) {
                blamed = FlywayRunner.named(known, m.getMigration().getScript());
                reading = false;
                break;
            }
        }
        if (blamed == null && reading) {
            int next = lastStarted == null ? 0 : order.indexOf(lastStarted) + 1;
            blamed = next < order.size() ? order.get(next) : null;
        }
        ScriptFailure failure = FlywayRunner.failure(blamed, e, known);
        failure = placeholderPosition(failure, blamed, order, next(order, blamed));
        MigrationScript shown = blamed == null ? null : FlywayRunner.named(known, failure.script().substring(
                failure.script().lastIndexOf('/') + 1));
        if (shown == null) {
            shown = blamed;
        }
        String at = atVersion(set, run, shown, lastStarted);
        if (shown == null) {
            return new FlywayBlame(null, null, "Flyway failed before migrating: " + failure.describe());
        }
        String what = set.callbacks().contains(shown) ? "the callback " + shown.fileName()
                : shown.repeatable() ? "repeatable migration " + shown.fileName() : "V" + shown.version();
        return new FlywayBlame(shown.repeatable() ? null : shown.version().text(), shown.fileName(),
                what + " failed: " + failure.describe() + "\n" + (failure.message().startsWith(Placeholders.NO_VALUE)
                ? "Give the placeholder a value" : "Fix the script") + "; the database is at V" + at + ".");
    }

    /**
     * The driver's exception when Flyway failed because its session ended (a connection error, an
     * administrator's or the server's shutdown: SQLSTATE class 08, 57P01..57P03; or no connection to be
     * had: 53300), not because of the script; {@code null} otherwise.
     */
    static java.sql.SQLException sessionEnded(FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && (endsSession(sql.getSQLState())
                    || "53300".equals(sql.getSQLState()))) {
                return sql;
            }
        }
        return null;
    }

    /** Whether the SQLSTATE says the session ended: a connection error, an administrator's or the server's shutdown. */
    static boolean endsSession(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
    }

    private static int next(java.util.List<MigrationScript> order, MigrationScript blamed) {
        return blamed == null ? order.size() : order.indexOf(blamed);
    }

    /**
     * Flyway's message for a placeholder without a value names neither file nor line: find the key in
     * the scripts from the blamed one on, as Flyway reads them in order.
     */
    private static ScriptFailure placeholderPosition(ScriptFailure failure, MigrationScript blamed,
                                                     java.util.List<MigrationScript> order, int from) {
        var m = java.util.regex.Pattern.compile("No value provided for placeholder: (\\S+?)\\.?\\s+Check your configuration",
                java.util.regex.Pattern.DOTALL).matcher(failure.message());
        if (!m.find()) {
            return failure;
        }
        String placeholder = m.group(1);
        for (int i = Math.max(from, 0); i < order.size(); i++) {
            MigrationScript script = order.get(i);
            int offset = script.sql().indexOf(placeholder);
            if (offset >= 0) {
                int[] at = Placeholders.lineAndColumn(script.sql(), offset);
                String key = placeholder.replaceAll("^\\W+|\\W+$", "");
                return new ScriptFailure(script.path(), at[0], at[1], null, null, Placeholders.noValue(placeholder, key));
            }
        }
        return failure;
    }

    /** The version the database is at when a script fails: the one before it, or the last that ran. */
    private static String atVersion(MigrationSet set, java.util.List<MigrationScript> run, MigrationScript failed,
                                    MigrationScript lastStarted) {
        java.util.List<MigrationScript> forwards = set.forwards();
        MigrationScript before;
        if (failed != null && !failed.repeatable()) {
            int index = forwards.indexOf(failed);
            before = index <= 0 ? null : forwards.get(index - 1);
        } else {
            before = run.isEmpty() ? null : run.get(run.size() - 1);
            if (lastStarted != null && !lastStarted.repeatable()) {
                before = lastStarted;
            }
        }
        return before == null ? "0 (empty)" : before.version().text();
    }
}
