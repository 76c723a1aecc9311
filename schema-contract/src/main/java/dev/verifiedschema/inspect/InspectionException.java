package dev.verifiedschema.inspect;

/**
 * Thrown when a schema cannot be inspected: the schema does not exist, the connection is unusable,
 * or a catalog query failed. The message names the schema and the cause.
 */
public final class InspectionException extends RuntimeException {
    private final String schema;

    InspectionException(String schema, String message, Throwable cause) {
        super(message, cause);
        this.schema = schema;
    }

    /**
     * The schema whose inspection failed.
     *
     * @return the schema name as it was requested
     */
    public String schema() {
        return schema;
    }
}
