package dev.verifiedschema.crawler;

/**
 * SchemaCrawler could not do its part: the schema could not be read (it does not exist, the
 * connection failed, JDBC's metadata could not be read), a design lint rule failed (a team's own
 * query, most often), or the documentation could not be written. The message names the schema, the
 * rule or the form, and says what to do.
 */
public final class SchemaReadException extends RuntimeException {
    SchemaReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
