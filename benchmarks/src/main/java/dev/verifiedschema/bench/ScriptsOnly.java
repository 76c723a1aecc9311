package dev.verifiedschema.bench;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The floor under P10: every script the default stairway runs, and nothing it checks. A plain
 * {@code Flyway.migrate()} of the set, in which, after each version, its undo script and then its
 * forward script again run on a connection of their own (each in one transaction, as the stairway
 * runs them), and after the head every undo script newest first (the full downgrade). No snapshot,
 * no data print, no comparison, no event trigger: the stairway can never be faster than this, so
 * P10's goal is worth reading against it.
 */
final class ScriptsOnly {
    private ScriptsOnly() {
    }

    static void run(DataSource dataSource, Path directory) throws SQLException {
        Deque<String> undos = new ArrayDeque<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Callback afterEach = new Callback() {
                @Override
                public boolean supports(Event event, Context context) {
                    return event == Event.AFTER_EACH_MIGRATE;
                }

                @Override
                public boolean canHandleInTransaction(Event event, Context context) {
                    return true;
                }

                @Override
                public void handle(Event event, Context context) {
                    try {
                        Connection flyway = context.getConnection();
                        if (!flyway.getAutoCommit()) {
                            flyway.commit();
                        }
                        String script = context.getMigrationInfo().getScript();
                        String undo = read(directory.resolve("U" + script.substring(1)));
                        execute(connection, undo);
                        execute(connection, read(directory.resolve(script)));
                        undos.push(undo);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public String getCallbackName() {
                    return "scripts only";
                }
            };
            PlainFlyway.configure(dataSource, "filesystem:" + directory).callbacks(afterEach).load().migrate();
            while (!undos.isEmpty()) {
                execute(connection, undos.pop());
            }
        }
    }

    private static void execute(Connection connection, String script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
        connection.commit();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
