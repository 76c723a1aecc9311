package dev.verifiedschema.migrate;

/** Flyway refused or failed a migration of a live or scratch database; the message is Flyway's. */
public class LiveMigrationException extends RuntimeException {
    public LiveMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
