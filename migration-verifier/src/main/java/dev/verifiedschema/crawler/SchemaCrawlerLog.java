package dev.verifiedschema.crawler;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What SchemaCrawler logs during one read of a schema. SchemaCrawler logs every step through
 * java.util.logging at INFO and a linter or retriever that fails at WARNING, and then goes on: the
 * warnings are collected here, so that a rule that could not run is an error, not a pass.
 *
 * <p>Reads take turns (one lock for the JVM), so no read sees another's warnings; the handler is
 * added for the read and removed after it, so a logging reset in between loses nothing. For the
 * read, the loggers are lowered to WARNING and kept off the console unless the application chose a
 * level for them, and raised to WARNING if that level would hide the warnings; afterwards they are
 * as they were. The records also go to SLF4J at DEBUG.
 */
final class SchemaCrawlerLog extends Handler implements AutoCloseable {
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();
    /** Strong references: java.util.logging would otherwise drop the loggers and their settings. */
    private static final List<Logger> LOGGERS = List.of(Logger.getLogger("schemacrawler"), Logger.getLogger("us.fatehi"));
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DesignLint.class);

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<Boolean> parents = new ArrayList<>();

    /** Starts collecting; waits for a read in progress in another thread to end. */
    SchemaCrawlerLog() {
        ONE_AT_A_TIME.lock();
        for (Logger logger : LOGGERS) {
            levels.add(logger.getLevel());
            parents.add(logger.getUseParentHandlers());
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
                logger.setUseParentHandlers(false);
            } else if (!logger.isLoggable(Level.WARNING)) {
                logger.setLevel(Level.WARNING);
            }
            logger.addHandler(this);
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            LOG.debug("SchemaCrawler: {}", new java.util.logging.SimpleFormatter().formatMessage(record),
                    record.getThrown());
            if (!noRows(record)) {
                records.add(record);
            }
        }
    }

    /**
     * SchemaCrawler 17.6's SQL linters find nothing by a query that returns no row, but log that as a
     * warning with no exception ("No rows of data returned for query"): not a failure.
     */
    private static boolean noRows(LogRecord record) {
        return record.getThrown() == null && record.getMessage() != null
                && record.getMessage().startsWith("No rows of data returned");
    }

    /** Throws the first warning collected since the last call, saying what was being done. */
    void throwIfAny(String what, String doing) {
        if (records.isEmpty()) {
            return;
        }
        LogRecord first = records.get(0);
        records.clear();
        Throwable cause = first.getThrown();
        while (cause != null && cause.getCause() != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        String why = cause != null ? cause.getMessage() : new java.util.logging.SimpleFormatter().formatMessage(first);
        throw new SchemaReadException(what + " failed while " + doing + ": " + why, first.getThrown());
    }

    @Override
    public void flush() {
    }

    /** Stops collecting and puts the loggers back as they were. */
    @Override
    public void close() {
        try {
            for (int i = 0; i < LOGGERS.size(); i++) {
                LOGGERS.get(i).removeHandler(this);
                LOGGERS.get(i).setLevel(levels.get(i));
                LOGGERS.get(i).setUseParentHandlers(parents.get(i));
            }
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }
}
