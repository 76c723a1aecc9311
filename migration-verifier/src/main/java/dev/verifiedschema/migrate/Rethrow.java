package dev.verifiedschema.migrate;

import java.sql.SQLException;

/** Re-raises a failure caught elsewhere (in another thread, inside Flyway) as what it is. */
final class Rethrow {
    private Rethrow() {
    }

    /**
     * Throws {@code cause} as what it is: an {@link SQLException}, an unchecked exception or an error.
     * Anything else comes back wrapped, for the caller to throw: {@code throw Rethrow.as(cause);}.
     *
     * @param cause what failed
     * @return {@code cause} wrapped in an {@link IllegalStateException}, when it is none of the above
     * @throws SQLException when {@code cause} is one
     */
    static IllegalStateException as(Throwable cause) throws SQLException {
        if (cause instanceof SQLException sql) {
            throw sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
