package dev.verifiedschema.migrate;

import dev.verifiedschema.compare.ContractCheck;
import dev.verifiedschema.compare.SchemaDiff;
import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.inspect.ChangeTracker;
import dev.verifiedschema.inspect.Fingerprint;
import dev.verifiedschema.inspect.InspectionException;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.report.RemediationSql;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.internal.info.MigrationInfoImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;


/** One run of a {@link Stairway}: the climb, its checks, and the report. */
final class StairwayRun {
    private static final Logger LOG = LoggerFactory.getLogger(StairwayRun.class);

    /** Thrown inside a run to stop climbing; the failure is already recorded. */
    static final class Halt extends RuntimeException {
        Halt() {
            super(null, null, false, false);
        }
    }

    /** The schema at one version: its snapshot and the fingerprint taken with it. */
    private record Level(SchemaSnapshot snapshot, Fingerprint fingerprint) {
    }


    private final MigrationSet set;
    private final Contract contract;
    private final FixtureSet fixtures;
    private final UndoPolicy undoPolicy;
    private final boolean fullDowngrade;
    private final String schema;
    private final MigrationVersion start;
    private final DataSource database;
    private final FlywayRunner flyway;
    private final SchemaInspector inspector = SchemaInspector.create();
    private final List<StepResult> steps = new ArrayList<>();
    private List<Violation> violations = List.of();
    private String downgrade;

    /** System property that turns DDL tracking off ({@code false}). */
    static final String TRACK_DDL = "verifiedschema.stairway.trackDdl";
    static final int TRACK_FROM = 10;

    private StairwayReport.Failure failure;
    /** Keeps fingerprints up to date from the DDL log; {@code null} when tracking is off or impossible. */
    private ChangeTracker tracker;
    private final FirstLevel first = new FirstLevel();
    /** The data print after the last redo, when nothing has changed the data since; else null. */
    private Map<String, TableData.Print> carried;
    /** The last level read, whose fingerprint and snapshot the tracker continues from. */
    private Level lastSeen;
    private boolean trackerTried;
    /** The number of tables and views from which DDL is tracked (see {@link #trackFrom()}). */
    private final int trackFrom;
    private SchemaSnapshot head;
    /** Runs the undo scripts and fixtures. */
    private Connection connection;
    /**
     * Reads (snapshots, fingerprints, data prints) and never writes: the server plans a prepared
     * statement again on a connection that has run DDL, and the catalog queries are the largest
     * statements the stairway runs over and over.
     */
    private Connection catalog;

    StairwayRun(Stairway config, DataSource database) {
        this.set = config.set;
        this.contract = config.contract;
        this.fixtures = config.fixtures;
        this.undoPolicy = config.undoPolicy;
        this.fullDowngrade = config.fullDowngrade;
        this.schema = config.schema;
        this.start = config.start;
        this.database = database;
        this.flyway = new FlywayRunner(database, set.locations(), schema);
        this.downgrade = "skipped: " + (fullDowngrade ? "head not reached" : "disabled");
        this.trackFrom = trackFrom();
    }

    void climb() throws SQLException {
        List<MigrationScript> todo = set.forwards();
        if (start != null) {
            MigrationScript base = todo.stream().filter(f -> f.version().equals(start)).findFirst().orElseThrow();
            ScriptFailure failed = flyway.migrateTo(base);
            if (failed != null) {
                fail("forward", start.text(), base.fileName(), "migrating to the starting version V" + start
                        + " failed: " + failed.describe());
            }
            todo = todo.subList(todo.indexOf(base) + 1, todo.size());
        }
        try (java.sql.Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA IF NOT EXISTS " + dev.verifiedschema.contract.Identifiers.quote(schema));
        }
        // the first level is read, and the catalog statements planned, on the catalog connection while
        // Flyway sets itself up on its own connections; the climb waits for it before the first version
        first.start();
        Climb climb = new Climb();
        if (!todo.isEmpty()) {
            FlywayException failed = flyway.migrate(null, climb);
            climb.rethrow();
            if (failed != null) {
                MigrationScript forward = climb.current;
                fail("forward", forward == null ? null : forward.version().text(), forward == null ? null
                        : forward.fileName(), forward == null ? "Flyway failed before migrating: "
                        + FlywayRunner.failure(null, failed).describe() : "V" + forward.version() + " failed: "
                        + FlywayRunner.failure(forward, failed).describe() + "\nFix the script; the database is at V"
                        + previousVersion(forward) + ".");
            }
        }
        Level empty = first.await();
        Level top = climb.level == null ? empty : climb.level;
        confirmTracking(top, "by the head");
        head = top.snapshot();
        if (contract != null) {
            violations = ContractCheck.check(contract, head);
            if (!violations.isEmpty()) {
                downgrade = "skipped: the contract does not hold";
                return;
            }
        }
        if (fullDowngrade) {
            downgradeAll(empty, todo);
        }
    }

    /**
     * The climb as a Flyway callback: Flyway migrates every version in one run, as an application
     * would, and after each migration (its transaction committed here, so that the other connections
     * see it) the stairway checks the version: snapshot, undo, compare, redo, compare, fixtures.
     * A failure is recorded in the run and stops Flyway; {@link #rethrow()} then re-raises it.
     */
    private final class Climb implements Callback {
        /** The level reached; null until the first level is in. */
        private Level level;
        private MigrationScript current;
        private Map<String, TableData.Print> beforeForward;
        private long began;
        private Throwable stopped;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                if (event == Event.BEFORE_EACH_MIGRATE) {
                    if (level == null) {
                        level = first.await();
                    }
                    current = script(context.getMigrationInfo());
                    SchemaSnapshot previous = level.snapshot();
                    beforeForward = carried != null ? carried
                            : TableData.read(catalog, schema, TableData.sharedColumns(previous, previous));
                    carried = null;
                    began = System.nanoTime();
                } else {
                    Connection flywayConnection = context.getConnection();
                    if (!flywayConnection.getAutoCommit()) {
                        flywayConnection.commit();
                    }
                    level = step(current, level, beforeForward, began, context);
                }
            } catch (Throwable e) {
                stopped = e;
                throw new Halt();
            }
        }

        @Override
        public String getCallbackName() {
            return "verified-schema stairway";
        }

        private MigrationScript script(MigrationInfo info) {
            MigrationVersion version = MigrationVersion.parse(info.getVersion().getVersion());
            return set.forwards().stream().filter(f -> f.version().equals(version)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Flyway migrated V" + version
                            + ", which the stairway did not load from " + set.locations()));
        }

        /** Re-raises what stopped the climb inside the callback, unwrapped from Flyway's exception. */
        void rethrow() throws SQLException {
            if (stopped instanceof SQLException e) {
                throw e;
            }
            if (stopped instanceof RuntimeException e) {
                throw e;
            }
            if (stopped instanceof Error e) {
                throw e;
            }
        }
    }

    private Level step(MigrationScript forward, Level previousLevel, Map<String, TableData.Print> beforeForward,
                       long t0, Context flywayContext) throws SQLException {
        String v = forward.version().text();
        SchemaSnapshot previous = previousLevel.snapshot();
        Map<String, List<String>> oldColumns = TableData.sharedColumns(previous, previous);
        Level level = levelAfter(previousLevel);
        SchemaSnapshot current = level.snapshot();
        long forwardMs = ms(t0);
        MigrationScript undo = undoPolicy == UndoPolicy.NONE ? null : set.undo(forward.version()).orElse(null);
        if (undo == null) {
            steps.add(new StepResult(v, forward.fileName(), forwardMs, -1, -1, false));
            loadFixtures(forward);
            return level;
        }
        Map<String, List<String>> keptColumns = TableData.sharedColumns(previous, current);
        Map<String, TableData.Print> atVersion = TableData.read(catalog, schema, keptColumns);

        long t1 = System.nanoTime();
        runUndo(forward, undo, "undo");
        SchemaDiff undoDiff = diffFrom(previousLevel);
        if (!undoDiff.isEmpty()) {
            fail("undo", v, undo.fileName(), "undo of V" + v + " did not restore the schema of V"
                    + previousVersion(forward) + ":\n" + StairwayText.undoDiff(undoDiff)
                    + "\nFix " + undo.fileName() + " so that it reverses everything " + forward.fileName() + " does.");
        }
        List<String> lost = TableData.differences(beforeForward, TableData.read(catalog, schema, oldColumns));
        if (!lost.isEmpty()) {
            fail("undo", v, undo.fileName(), "undo of V" + v + " lost or changed data that existed before V" + v
                    + ":\n  - " + String.join("\n  - ", lost) + "\nAn undo must keep the rows of tables it did "
                    + "not create (for example: do not drop and re-add a column; alter it back).");
        }
        long undoMs = ms(t1);

        long t2 = System.nanoTime();
        ScriptFailure redoFailed = redo(forward, flywayContext);
        if (redoFailed != null) {
            fail("redo", v, forward.fileName(), "redo of V" + v + " (after its undo) failed: " + redoFailed.describe()
                    + "\nThe undo script probably left something behind that the forward script creates again; "
                    + "fix " + undo.fileName() + ".");
        }
        SchemaDiff redoDiff = diffFrom(level);
        if (!redoDiff.isEmpty()) {
            fail("redo", v, forward.fileName(), "redo of V" + v + " gave a different schema than its first run:\n"
                    + StairwayText.redoDiff(redoDiff) + "\nThe undo script left state behind that changes what V" + v + " does.");
        }
        // all columns of this version: the comparison looks at the kept ones, and the next version's
        // "before" print is this one when no fixture changes the data in between
        Map<String, TableData.Print> afterRedo = TableData.read(catalog, schema, TableData.sharedColumns(current, current));
        List<String> changed = TableData.differences(atVersion, afterRedo);
        if (!changed.isEmpty()) {
            fail("redo", v, forward.fileName(), "after undo and redo of V" + v + " the data differs from the "
                    + "first run of V" + v + ":\n  - " + String.join("\n  - ", changed));
        }
        long redoMs = ms(t2);
        StepResult result = new StepResult(v, forward.fileName(), forwardMs, undoMs, redoMs, true);
        LOG.info("verified {}", result.describe());
        steps.add(result);
        carried = fixtures.after(forward.version()).isEmpty() ? afterRedo : null;
        loadFixtures(forward);
        return level;
    }

    /**
     * Runs the version's migration again, as Flyway ran it the first time (Flyway's own executor: its
     * parser, placeholders and transaction handling) on Flyway's connection, and commits it.
     *
     * @return {@code null} on success, else what failed; nothing of a failed transactional redo is kept
     */
    private static ScriptFailure redo(MigrationScript forward, Context flywayContext) throws SQLException {
        if (!(flywayContext.getMigrationInfo() instanceof MigrationInfoImpl info)) {
            throw new IllegalStateException("Flyway " + flywayContext.getMigrationInfo().getClass().getName()
                    + " does not give the stairway the migration to run again; this Flyway version is not supported");
        }
        Connection flywayConnection = flywayContext.getConnection();
        try {
            // as Flyway does before each migration: the first run may have left a role or path set
            try (java.sql.Statement reset = flywayConnection.createStatement()) {
                reset.execute("RESET ROLE; SET search_path TO " + dev.verifiedschema.contract.Identifiers.quote(
                        flywayContext.getConfiguration().getDefaultSchema()));
            }
            info.getResolvedMigration().getExecutor().execute(new org.flywaydb.core.api.executor.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return flywayContext.getConfiguration();
                }

                @Override
                public Connection getConnection() {
                    return flywayConnection;
                }
            });
            if (!flywayConnection.getAutoCommit()) {
                flywayConnection.commit();
            }
            return null;
        } catch (SQLException | FlywayException e) {
            if (!flywayConnection.getAutoCommit()) {
                flywayConnection.rollback();
            }
            return FlywayRunner.failure(forward, e);
        }
    }

    private void runUndo(MigrationScript forward, MigrationScript undo, String step) throws SQLException {
        // during the climb Flyway has not yet written the version's history row (it does after the
        // callback), so only the full downgrade has one to delete
        ScriptFailure failed = step.equals("undo") ? ScriptRunner.run(connection, undo, schema)
                : UndoScripts.undo(connection, undo, schema);
        if (failed != null) {
            fail(step, forward.version().text(), undo.fileName(), "undo of V" + forward.version() + " failed"
                    + (step.equals("undo") ? "" : " during the " + step + " (with the data of every later "
                    + "version's fixtures in place)") + ": " + failed.describe()
                    + "\nNothing of the undo script was kept (it ran in one transaction).");
        }
    }

    private void loadFixtures(MigrationScript forward) throws SQLException {
        for (MigrationScript fixture : fixtures.after(forward.version())) {
            ScriptFailure failed = ScriptRunner.run(connection, fixture, schema);
            if (failed != null) {
                fail("fixtures", forward.version().text(), fixture.fileName(), "fixture " + failed.describe()
                        + "\nFixtures for V" + forward.version() + " may only use what exists at V"
                        + forward.version() + ".");
            }
        }
    }

    private void downgradeAll(Level empty, List<MigrationScript> climbed) throws SQLException {
        List<MigrationScript> reversed = new ArrayList<>(climbed);
        java.util.Collections.reverse(reversed);
        for (MigrationScript forward : reversed) {
            MigrationScript undo = set.undo(forward.version()).orElse(null);
            if (undoPolicy == UndoPolicy.NONE) {
                downgrade = "skipped: the undo policy is none";
                return;
            }
            if (undo == null) {
                downgrade = "skipped: V" + forward.version() + " has no undo script";
                return;
            }
        }
        downgrade = "failed";
        for (MigrationScript forward : reversed) {
            runUndo(forward, set.undo(forward.version()).orElseThrow(), "full downgrade");
        }
        SchemaDiff trace = diffFrom(empty);
        confirmTracking(lastSeen, "in the full downgrade");
        if (!trace.isEmpty()) {
            downgrade = "failed";
            fail("full downgrade", null, null, "a full downgrade from head to "
                    + (start == null ? "zero" : "V" + start) + " left a trace:\n"
                    + StairwayText.undoDiff(trace) + "\nEvery object must be dropped by the undo script of the version that "
                    + "created it.");
        }
        downgrade = "passed";
    }

    /** The schema now, read again only where its fingerprint differs from the earlier level's. */
    private Level levelAfter(Level earlier) throws SQLException {
        Fingerprint now = tracker == null ? inspector.fingerprint(catalog, schema)
                : tracker.fingerprint(catalog, lastSeen.fingerprint(), lastSeen.snapshot());
        lastSeen = new Level(inspector.update(catalog, schema, earlier.snapshot(), earlier.fingerprint(), now), now);
        maybeTrack(lastSeen);
        return lastSeen;
    }

    /** Installs the DDL tracker once the schema is large enough; fingerprints then continue from this level's. */
    private void maybeTrack(Level level) throws SQLException {
        if (tracker == null && !trackerTried && level.fingerprint().relationCount() >= trackFrom) {
            trackerTried = true;
            tracker = ChangeTracker.install(connection, schema).orElse(null);
        }
    }

    /**
     * The schema before the climb (full fingerprint and snapshot), read in a thread of its own on
     * the catalog connection, which nothing else uses until {@link #await} has returned; the thread
     * also plans the statements of later snapshot updates on that connection.
     */
    private final class FirstLevel {
        private final FutureTask<Level> task = new FutureTask<>(() -> {
            Fingerprint now = inspector.fingerprint(catalog, schema);
            Level level = new Level(inspector.update(catalog, schema, SchemaSnapshot.empty(schema),
                    Fingerprint.none(), now), now);
            inspector.prepare(catalog, schema);
            return level;
        });
        private Level level;
        private boolean started;

        void start() {
            started = true;
            Thread thread = new Thread(task, "verified-schema first level");
            thread.setDaemon(true);
            thread.start();
        }

        /** The first level, once read; from then on the run's own thread uses the catalog connection. */
        Level await() throws SQLException {
            if (level != null) {
                return level;
            }
            try {
                level = task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the schema before the climb", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sql) {
                    throw sql;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
            // no DDL tracker yet: one installed now would not be seen by the transaction Flyway may
            // already have open for the first version; levelAfter installs it after a commit
            lastSeen = level;
            return level;
        }

        /** Waits for the thread when the run stops early, so that it never outlives the connection. */
        void settle() {
            if (!started) {
                return;
            }
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | RuntimeException e) {
                // the run has failed already, or fails when it awaits the level
            }
        }
    }

    /**
     * With DDL tracking, checks the tracked fingerprint against a full read of the catalog, so that a
     * change the event triggers did not see (a migration that updates a system catalog directly, or
     * turns event triggers off) cannot let a run pass unnoticed.
     */
    private void confirmTracking(Level tracked, String when) {
        if (tracker == null) {
            return;
        }
        Fingerprint full = inspector.fingerprint(catalog, schema);
        if (!full.equals(tracked.fingerprint())) {
            fail("database", null, null, "The stairway's DDL tracking missed a change " + when + ": a full read of "
                    + "schema \"" + schema + "\" differs from the tracked one in " + full.differences(tracked.fingerprint())
                    + ". A migration changed the catalog without DDL (for example an UPDATE of a system catalog) or "
                    + "turned event triggers off, so checks of earlier versions may have missed it. Run again with "
                    + "-D" + TRACK_DDL + "=false (or environment VERIFIEDSCHEMA_STAIRWAY_TRACKDDL=false) to verify "
                    + "with a full read of the catalog at every step.");
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

    /**
     * How the schema now differs from an earlier level. Equal fingerprints mean equal snapshots, so
     * the usual case (nothing differs) costs one round trip; otherwise the objects whose fingerprint
     * differs are inspected and compared, which may still find no difference.
     */
    private SchemaDiff diffFrom(Level expected) throws SQLException {
        Level now = levelAfter(expected);
        return now.fingerprint().equals(expected.fingerprint()) ? new SchemaDiff(List.of())
                : SchemaDiff.between(expected.snapshot(), now.snapshot());
    }

    /** Drops the DDL tracker's event triggers and schema, so that nothing of it outlives the run. */
    private void uninstallTracker() {
        if (tracker != null) {
            try {
                tracker.uninstall(connection);
            } catch (SQLException e) {
                LOG.warn("Could not drop the stairway's DDL tracker (schema {}, event triggers verifiedschema_ddl_*): {}",
                        ChangeTracker.TRACKER_SCHEMA, e.getMessage());
            }
        }
    }

    private void fail(String step, String version, String script, String message) {
        failure = new StairwayReport.Failure(step, version, script, message);
        throw new Halt();
    }

    /** Climbs, and reports; throws {@link StairwayException} when a check failed. */
    StairwayReport execute() {
        long began = System.nanoTime();
        StairwayRun run = this;
        try (run.flyway; Connection connection = database.getConnection(); Connection catalog = database.getConnection()) {
            // each statement must be seen by the other connections (Flyway's two, and the catalog's)
            connection.setAutoCommit(true);
            catalog.setAutoCommit(true);
            run.connection = connection;
            run.catalog = catalog;
            try (java.sql.Statement path = catalog.createStatement()) {
                // every catalog read of the run is of this schema: each then finds the path set already
                path.execute("SET search_path TO " + dev.verifiedschema.contract.Identifiers.quote(schema));
            }
            try {
                run.climb();
            } finally {
                run.first.settle();
                run.uninstallTracker();
            }
        } catch (SQLException e) {
            run.failure = new StairwayReport.Failure("database", null, null, "The database failed during "
                    + "verification: " + e.getMessage() + " (SQLState " + e.getSQLState() + "). Is the server still up?");
        } catch (InspectionException e) {
            run.failure = new StairwayReport.Failure("database", null, null, "Reading the catalog failed during "
                    + "verification: " + e.getMessage());
        } catch (Halt halt) {
            // the failure is recorded in the run
        }
        StairwayReport report = new StairwayReport(String.join(", ", set.locations()),
                contract == null ? null : contract.source(), schema, run.steps, run.violations, run.downgrade,
                run.failure, run.head, (System.nanoTime() - began) / 1_000_000,
                contract == null ? "" : RemediationSql.generate(contract, run.violations));
        if (!report.passed()) {
            throw new StairwayException(report, null);
        }
        LOG.info("{}", report.describe().lines().findFirst().orElse(""));
        return report;
    }

    private String previousVersion(MigrationScript forward) {
        int index = set.forwards().indexOf(forward);
        return index == 0 ? "0 (empty)" : set.forwards().get(index - 1).version().text();
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
