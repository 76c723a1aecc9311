package dev.verifiedschema.health;

/**
 * The health check could not run at all: the database could not be reached, the login was
 * refused, or the catalog query failed or timed out. The message says which and what to do; the
 * JDBC exception is attached as the cause.
 */
public class HealthCheckException extends RuntimeException {
    public HealthCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
