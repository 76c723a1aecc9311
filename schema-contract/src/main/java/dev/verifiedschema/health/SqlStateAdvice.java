package dev.verifiedschema.health;

import java.sql.SQLException;

/**
 * What to do about a PostgreSQL error, by SQLSTATE, as a short parenthesis for messages: every
 * front end (health check, providers, command line) explains connection failures the same way.
 */
public final class SqlStateAdvice {
    private SqlStateAdvice() {
    }

    /**
     * Advice for a failed connection or statement: SSL problems are told apart from an unreachable
     * server (the driver reports both as connection failures), everything else goes by SQLSTATE.
     *
     * @param e what the driver threw
     * @return for example {@code " (the server does not accept SSL connections: ...)"}
     */
    public static String of(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("does not support SSL")) {
            return " (the server does not accept SSL connections: drop sslmode=require from the URL, or turn ssl"
                    + " on in the server's configuration)";
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof javax.net.ssl.SSLPeerUnverifiedException
                    || String.valueOf(t.getMessage()).startsWith("SSL error")) {
                return " (the SSL handshake failed: check sslmode in the URL and, for verify-ca or verify-full, that"
                        + " sslrootcert holds the server's CA and the host name matches its certificate)";
            }
            if (t instanceof java.net.UnknownHostException) {
                return " (the host " + t.getMessage() + " is unknown: no DNS entry resolves it; check the host name in "
                        + "the URL)";
            }
        }
        return of(e.getSQLState());
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
