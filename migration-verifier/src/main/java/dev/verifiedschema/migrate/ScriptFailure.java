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
                + (sqlState == null ? "" : " (SQLState " + sqlState + ")") + advice();
    }

    /** What a timeout means and what to do about it. */
    private String advice() {
        if ("55P03".equals(sqlState)) {
            return ". The statement waited longer than lock_timeout for a lock another session holds (a test or "
                    + "tool connected to the same database, or an open transaction): find it in pg_stat_activity and "
                    + "pg_locks, or give the stairway a longer lock timeout (verifiedschema.lockTimeout, --lock-timeout, the Maven plugin's <lockTimeout>)";
        }
        if ("57014".equals(sqlState) && message != null && message.contains("statement timeout")) {
            return ". The statement ran longer than statement_timeout: a statement that never ends (a loop, a wait), "
                    + "or a backfill bigger than a test database should hold; make it end, or give the stairway a "
                    + "longer statement timeout (verifiedschema.statementTimeout, --statement-timeout, the Maven plugin's <statementTimeout>)";
        }
        return "";
    }
}
