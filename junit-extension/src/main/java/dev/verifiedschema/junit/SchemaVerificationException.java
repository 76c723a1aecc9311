package dev.verifiedschema.junit;

/**
 * Fails each test of a class whose migration set, contract or configuration did not verify. The
 * message is the stairway report or the configuration problem; the original is the cause.
 */
public class SchemaVerificationException extends RuntimeException {
    public SchemaVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
