package dev.verifiedschema.migrate;

import dev.verifiedschema.compare.SchemaDiff;
import dev.verifiedschema.contract.Identifiers;
import dev.verifiedschema.inspect.ChangeTracker;
import dev.verifiedschema.inspect.Fingerprint;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The verified schema's state along one stairway: the level (snapshot and fingerprint) before the
 * climb and after each step, read on the run's catalog connection, which runs no DDL. A level is
 * read again only where its fingerprint changed, and once the schema holds enough tables the
 * fingerprints are kept up to date from a DDL log ({@link ChangeTracker}) instead of read in full.
 */
final class SchemaLevels {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaLevels.class);

    /** System property (or environment {@code VERIFIEDSCHEMA_STAIRWAY_TRACKDDL}) for DDL tracking. */
    static final String TRACK_DDL = "verifiedschema.stairway.trackDdl";
    static final int TRACK_FROM = 10;

    /** The schema at one version: its snapshot and the fingerprint taken with it. */
    record Level(SchemaSnapshot snapshot, Fingerprint fingerprint) {
    }

    private final String schema;
    private final DataSource database;
    /**
     * Reads snapshots and fingerprints and never writes: the server plans a prepared
     * statement again on a connection that has run DDL, and the catalog queries are the largest
     * statements the stairway runs over and over. Opened by the first-level thread; the caller's
     * thread uses it once {@link #first()} has returned.
     */
    private volatile Connection catalog;
    /** Where the DDL tracker is installed and dropped (the run's connection for scripts). */
    private Connection ddl;
    /** The number of tables and views from which DDL is tracked (see {@link #trackFrom()}). */
    private final int trackFrom = trackFrom();
    private final SchemaInspector inspector = SchemaInspector.create();
    private final FutureTask<Level> firstRead = new FutureTask<>(this::readFirst);
    /** Opened when the schema is at the level before the climb; the first-level thread waits for it. */
    private final CountDownLatch ready = new CountDownLatch(1);
    /** Set when the run ends before {@link #ready(Connection)}: the first-level thread then reads nothing. */
    private volatile boolean cancelled;
    private Level first;
    private boolean closed;
    /** Keeps fingerprints up to date from the DDL log; {@code null} when tracking is off or impossible. */
    private ChangeTracker tracker;
    private boolean trackerTried;
    /** The last level read, whose fingerprint and snapshot the tracker continues from. */
    private Level lastSeen;

    /**
     * Starts the first-level thread: it opens the catalog connection at once (while the caller opens
     * its own and brings the schema to its starting level), waits for {@link #ready(Connection)}, then
     * reads the schema before the climb (full fingerprint and snapshot) and plans the statements of
     * later snapshot updates, while Flyway sets itself up.
     */
    SchemaLevels(String schema, DataSource database) {
        this.schema = schema;
        this.database = database;
        Thread thread = new Thread(firstRead, "verified-schema first level");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The schema is at its level before the climb: the first-level thread may read it.
     *
     * @param ddl the run's connection for scripts, where the DDL tracker is installed and dropped
     */
    void ready(Connection ddl) {
        this.ddl = ddl;
        ready.countDown();
    }

    private Level readFirst() throws SQLException, InterruptedException {
        Connection connection = database.getConnection();
        catalog = connection;
        // each statement of the other connections must be seen here at once
        connection.setAutoCommit(true);
        try (Statement path = connection.createStatement()) {
            // every catalog read of the run is of this schema: each then finds the path set already
            path.execute("SET search_path TO " + Identifiers.quote(schema));
        }
        ready.await();
        if (cancelled) {
            // the run ended before the climb: nobody will use the connection
            catalog = null;
            connection.close();
            return null;
        }
        Fingerprint now = inspector.fingerprint(connection, schema);
        Level level = new Level(inspector.update(connection, schema, SchemaSnapshot.empty(schema), Fingerprint.none(),
                now), now);
        inspector.prepare(connection, schema);
        return level;
    }

    /** The schema before the climb, once read; from then on the caller's thread uses the catalog connection. */
    Level first() throws SQLException {
        if (first != null) {
            return first;
        }
        try {
            first = firstRead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the schema before the climb", e);
        } catch (ExecutionException e) {
            throw Rethrow.as(e.getCause());
        }
        // no DDL tracker yet: one installed now would not be seen by the transaction Flyway may
        // already have open for the first version; after() installs it after a commit
        lastSeen = first;
        return first;
    }

    /** The schema now, read again only where its fingerprint differs from the earlier level's. */
    Level after(Level earlier) throws SQLException {
        Fingerprint now = tracker == null ? inspector.fingerprint(catalog, schema)
                : tracker.fingerprint(catalog, lastSeen.fingerprint(), lastSeen.snapshot());
        lastSeen = new Level(inspector.update(catalog, schema, earlier.snapshot(), earlier.fingerprint(), now), now);
        if (tracker == null && !trackerTried && now.relationCount() >= trackFrom) {
            // fingerprints continue from this full one through the DDL log
            trackerTried = true;
            tracker = ChangeTracker.install(ddl, schema).orElse(null);
        }
        return lastSeen;
    }

    /**
     * How the schema now differs from an earlier level. Equal fingerprints mean equal snapshots, so
     * the usual case (nothing differs) costs one round trip; otherwise the objects whose fingerprint
     * differs are inspected and compared, which may still find no difference.
     */
    SchemaDiff diffFrom(Level expected) throws SQLException {
        Level now = after(expected);
        return now.fingerprint().equals(expected.fingerprint()) ? new SchemaDiff(List.of())
                : SchemaDiff.between(expected.snapshot(), now.snapshot());
    }

    /** The last level read. */
    Level lastSeen() {
        return lastSeen;
    }

    /**
     * With DDL tracking, compares the tracked fingerprint with a full read of the catalog, so that a
     * change the event triggers did not see (a migration that updates a system catalog directly, or
     * turns event triggers off) cannot let a run pass unnoticed.
     *
     * @return what the tracking missed, as a sentence; empty when it missed nothing or was off
     */
    Optional<String> missedByTracking(Level tracked, String when) {
        if (tracker == null) {
            return Optional.empty();
        }
        Fingerprint full = inspector.fingerprint(catalog, schema);
        if (full.equals(tracked.fingerprint())) {
            return Optional.empty();
        }
        return Optional.of("The stairway's DDL tracking missed a change " + when + ": a full read of schema \""
                + schema + "\" differs from the tracked one in " + full.differences(tracked.fingerprint())
                + ". A migration changed the catalog without DDL (for example an UPDATE of a system catalog) or "
                + "turned event triggers off, so checks of earlier versions may have missed it. Run again with "
                + "-D" + TRACK_DDL + "=false (or environment VERIFIEDSCHEMA_STAIRWAY_TRACKDDL=false) to verify "
                + "with a full read of the catalog at every step.");
    }

    /**
     * Ends the run's use of the database: stops and waits for the first-level thread if the run
     * stopped before it was awaited (so that it never outlives the run), drops the DDL tracker's event
     * triggers and schema, so that nothing of it outlives the run, and closes the catalog connection.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (first == null) {
            cancelled = true;
            ready.countDown();
            try {
                firstRead.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | RuntimeException e) {
                // the run has failed already
            }
        }
        if (tracker != null) {
            try {
                tracker.uninstall(ddl);
            } catch (SQLException e) {
                LOG.warn("Could not drop the stairway's DDL tracker (schema {}, event triggers verifiedschema_ddl_*): {}",
                        ChangeTracker.TRACKER_SCHEMA, e.getMessage());
            }
        }
        if (catalog != null) {
            try {
                catalog.close();
            } catch (SQLException e) {
                LOG.debug("Closing the stairway's catalog connection failed: {}", e.getMessage());
            }
        }
    }

    /**
     * From how many tables and views on the stairway keeps fingerprints up to date from a DDL log:
     * {@value #TRACK_FROM} by default (below that a full fingerprint costs less than the log's
     * upkeep); the setting {@value #TRACK_DDL} (or environment {@code VERIFIEDSCHEMA_STAIRWAY_TRACKDDL})
     * is {@code false} for never, {@code true} for the default, or a number of tables and views.
     */
    static int trackFrom() {
        String value = System.getProperty(TRACK_DDL, System.getenv("VERIFIEDSCHEMA_STAIRWAY_TRACKDDL"));
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("true")) {
            return TRACK_FROM;
        }
        if (value.strip().equalsIgnoreCase("false")) {
            return Integer.MAX_VALUE;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + TRACK_DDL + " is \"" + value + "\"; use true, false or "
                    + "the number of tables and views from which to track DDL (default " + TRACK_FROM + ").", e);
        }
    }
}
