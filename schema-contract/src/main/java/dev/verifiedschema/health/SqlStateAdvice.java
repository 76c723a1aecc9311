package dev.verifiedschema.health;

/**
 * What to do about a PostgreSQL error, by SQLSTATE, as a short parenthesis for messages: every
 * front end (health check, providers, command line) explains connection failures the same way.
 */
public final class SqlStateAdvice {
    private SqlStateAdvice() {
    }

    /** For example {@code " (the login was refused: check the user name and password)"}; empty for {@code null}. */
    public static String of(String sqlState) {
        if (sqlState == null) {
            return "";
        }
        return switch (sqlState) {
            case "28P01", "28000" -> " (the login was refused: check the user name and password)";
            case "3D000" -> " (the database does not exist: check the JDBC URL)";
            case "42501" -> " (permission denied: grant the privilege, e.g. CREATEDB, or use another user)";
            case "55006" -> " (another session is connected to the template; close it first)";
            case "57014" -> " (the statement timeout was reached: raise it, or look for locks on the catalog)";
            case "08001", "08004", "08006" -> " (the server cannot be reached: check host, port and that it is up)";
            default -> " (SQLState " + sqlState + ")";
        };
    }
}
