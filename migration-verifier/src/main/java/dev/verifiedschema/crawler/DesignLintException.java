package dev.verifiedschema.crawler;

/**
 * The design lint could not run: the schema could not be read through JDBC's metadata, or a rule (a
 * team's own query, most often) failed. The message names the schema and the rule, and says what to do.
 */
public final class DesignLintException extends RuntimeException {
    DesignLintException(String message, Throwable cause) {
        super(message, cause);
    }
}
