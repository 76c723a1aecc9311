package dev.verifiedschema.migrate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a statement of the stairway's sessions may wait for a lock ({@code lock_timeout}) and
 * may run ({@code statement_timeout}); zero turns a limit off. Every connection the stairway opens
 * starts with both set, so a script that waits on another session or never ends fails with
 * PostgreSQL's "canceling statement due to lock timeout" (SQLState 55P03) or "statement timeout"
 * (57014), naming the script's line, instead of hanging the build.
 *
 * @param lock      the longest wait for a lock
 * @param statement the longest a statement may run
 */
public record SessionTimeouts(Duration lock, Duration statement) {
    /** PostgreSQL's timeouts are int milliseconds. */
    private static final Duration LONGEST = Duration.ofMillis(Integer.MAX_VALUE);

    /** 30 seconds to wait for a lock, 10 minutes to run a statement. */
    public static final SessionTimeouts DEFAULT = new SessionTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(10));

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|min|m|h)?");

    public SessionTimeouts {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(statement, "statement");
        for (Duration d : List.of(lock, statement)) {
            if (d.isNegative() || (!d.isZero() && d.toMillis() < 1) || d.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("a timeout is 0 (no limit) or from 1 ms to " + LONGEST.toDays()
                        + " days (PostgreSQL's limit), not " + d);
            }
        }
    }

    /**
     * A duration as written in a setting: {@code 500ms}, {@code 30s}, {@code 10min} (or {@code 10m}),
     * {@code 1h}, a bare number of seconds, {@code 0} for no limit, or ISO-8601 ({@code PT30S}).
     *
     * @param setting the setting's name, for the message
     * @throws IllegalArgumentException naming the setting and what it accepts
     */
    public static Duration parse(String setting, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(value);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                Duration d = switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "min", "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
                if (d.compareTo(LONGEST) <= 0) {
                    return d;
                }
            }
            if (value.startsWith("p")) {
                Duration d = Duration.parse(value.toUpperCase(Locale.ROOT));
                if (d.isZero() || (!d.isNegative() && d.toMillis() >= 1 && d.compareTo(LONGEST) <= 0)) {
                    return d;
                }
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new IllegalArgumentException(setting + " is '" + text + "', which is not a duration; write it as 500ms, "
                + "30s, 10min or 1h (0 for no limit; at most 24 days, PostgreSQL's limit)");
    }

    /** The data source whose every new connection starts with these timeouts. */
    public DataSource applyTo(DataSource database) {
        return new Timed(database, "SET lock_timeout = " + lock.toMillis() + "; SET statement_timeout = "
                + statement.toMillis());
    }

    /** Hands out the wrapped data source's connections with the timeouts set. */
    private static final class Timed extends DelegatingDataSource {
        private final String settings;

        Timed(DataSource target, String settings) {
            super(target);
            this.settings = settings;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return timed(target.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return timed(target.getConnection(user, password));
        }

        private Connection timed(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute(settings);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return resetOnClose(connection);
        }

        /**
         * The connection, whose close first puts the timeouts back to the server's defaults: a pool's
         * connection goes back to the pool as the application will use it, not with the stairway's limits.
         */
        private static Connection resetOnClose(Connection connection) {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
                            try (Statement reset = connection.createStatement()) {
                                if (!connection.getAutoCommit()) {
                                    connection.rollback();
                                }
                                reset.execute("RESET lock_timeout; RESET statement_timeout");
                            } catch (SQLException lost) {
                                // a session that ended has no settings left to put back; close says the rest
                            }
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
