package dev.verifiedschema.migrate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The stairway's data prints ({@link TableData}), read on a connection and in a thread of their
 * own, so that a check point's data print runs while the schema is compared on the catalog
 * connection: both read the same committed state, and on two cores the server answers both at once.
 * The connection is opened in that thread as soon as the run starts, and runs no DDL.
 */
final class DataPrints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataPrints.class);

    private final String schema;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "verified-schema data prints");
        t.setDaemon(true);
        return t;
    });
    private final Future<Connection> connection;

    DataPrints(DataSource database, String schema) {
        this.schema = schema;
        this.connection = thread.submit(() -> {
            Connection c = database.getConnection();
            // the DDL and the data of the other connections must be seen here at once
            c.setAutoCommit(true);
            return c;
        });
    }

    /** A read of the database, on the caller's connection. */
    @FunctionalInterface
    interface Read<T> {
        T run() throws SQLException;
    }

    /** A print being read; {@link #get()} waits for it. */
    static final class Pending {
        private final Future<Map<String, TableData.Print>> print;

        private Pending(Future<Map<String, TableData.Print>> print) {
            this.print = print;
        }

        /** The print, once read. */
        Map<String, TableData.Print> get() throws SQLException {
            return await(print);
        }

        /**
         * Runs a read of the same state on another connection while this print is read; when that
         * read fails, the print is waited for and dropped, and the failure goes on.
         */
        <T> T alongside(Read<T> read) throws SQLException {
            try {
                return read.run();
            } catch (RuntimeException | SQLException e) {
                discard();
                throw e;
            }
        }

        /** Waits for the read and forgets it, whatever came of it: the run has failed already. */
        void discard() {
            settle(print, "A data print no longer needed");
        }
    }

    /** Starts reading the print of these tables and columns now; the caller goes on meanwhile. */
    Pending start(Map<String, List<String>> columns) {
        return new Pending(thread.submit(() -> TableData.read(connection.get(), schema, columns)));
    }

    /** Reads the print of these tables and columns, and waits for it. */
    Map<String, TableData.Print> read(Map<String, List<String>> columns) throws SQLException {
        return start(columns).get();
    }

    private static <T> T await(Future<T> future) throws SQLException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading a data print", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // the connection did not open: its own cause says why
            throw Rethrow.as(cause instanceof ExecutionException opening ? opening.getCause() : cause);
        }
    }

    /** Waits for the reads under way, closes the connection and ends the thread. */
    @Override
    public void close() {
        Future<?> closed = thread.submit(() -> {
            try {
                connection.get().close();
            } catch (ExecutionException e) {
                // it never opened: the run reports that where it needed it
            } catch (SQLException e) {
                LOG.debug("Closing the data print connection failed: {}", e.getMessage());
            }
            return null;
        });
        thread.shutdown();
        settle(closed, "Closing the data print connection");
    }

    /** Waits for a task to end, whatever comes of it; a failure is only logged, as {@code what} failed. */
    private static void settle(Future<?> task, String what) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.debug("{} failed: {}", what, e.getCause().toString());
        }
    }
}
