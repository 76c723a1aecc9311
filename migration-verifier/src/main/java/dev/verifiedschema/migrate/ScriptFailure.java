package dev.verifiedschema.migrate;

/**
 * A SQL script failed: which script, which line, what PostgreSQL said.
 *
 * @param script    the script's path, e.g. {@code classpath:db/migration/V3__match_records.sql}
 * @param line      the 1-based line of the script where the failing statement (or the error position) is
 * @param statement the failing statement, or {@code null} when unknown
 * @param sqlState  PostgreSQL's SQLSTATE, or {@code null}
 * @param message   PostgreSQL's message
 */
public record ScriptFailure(String script, int line, String statement, String sqlState, String message) {

    /** {@code V3__x.sql line 12: ERROR: syntax error at or near "TABL" (SQLState 42601)}. */
    public String describe() {
        return script + (line > 0 ? " line " + line : "") + ": " + message
                + (sqlState == null ? "" : " (SQLState " + sqlState + ")");
    }
}
