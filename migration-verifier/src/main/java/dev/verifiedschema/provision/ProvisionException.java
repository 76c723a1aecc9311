package dev.verifiedschema.provision;

/**
 * A PostgreSQL server or database could not be provided. The message says which provider, what
 * failed, and what to do; passwords are never part of it.
 */
public class ProvisionException extends RuntimeException {
    public ProvisionException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProvisionException(String message) {
        super(message);
    }
}
