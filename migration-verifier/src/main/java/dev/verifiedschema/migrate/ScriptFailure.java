package dev.verifiedschema.migrate;

/**
 * A SQL script failed: which script, where in it, what PostgreSQL said.
 *
 * @param script    the script's path, e.g. {@code classpath:db/migration/V3__match_records.sql}
 * @param line      the 1-based line of the script where PostgreSQL placed the error (else where the
 *                  failing statement starts), or 0 when unknown
 * @param column    the 1-based column on that line, or 0 when unknown
 * @param statement the failing statement, or {@code null} when unknown
 * @param sqlState  PostgreSQL's SQLSTATE, or {@code null}
 * @param message   PostgreSQL's (or Flyway's) message
 */
public record ScriptFailure(String script, int line, int column, String statement, String sqlState, String message) {

    /** A failure whose column is unknown. */
    public ScriptFailure(String script, int line, String statement, String sqlState, String message) {
        this(script, line, 0, statement, sqlState, message);
    }

    /** {@code V3__x.sql line 12, column 8: syntax error at or near "TABL" (SQLState 42601)}. */
    public String describe() {
        return script + (line > 0 ? " line " + line + (column > 0 ? ", column " + column : "") : "") + ": " + message
                + (sqlState == null ? "" : " (SQLState " + sqlState + ")");
    }
}
