package dev.verifiedschema.cli;

/** Ends a command with an exit code and a message for the person at the terminal. */
final class CliException extends RuntimeException {
    /** Everything holds. */
    static final int OK = 0;
    /** Problems found: violation, drift, failed undo, lint error, NO-GO. */
    static final int PROBLEMS = 1;
    /** Bad input: unknown option, missing file, malformed contract or migration names. */
    static final int BAD_INPUT = 2;
    /** Environment: cannot connect, login refused, PostgreSQL could not start. */
    static final int ENVIRONMENT = 3;

    private final int exitCode;

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static CliException badInput(String message) {
        return new CliException(BAD_INPUT, message, null);
    }

    int exitCode() {
        return exitCode;
    }
}
