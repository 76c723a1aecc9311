package dev.verifiedschema.migrate;

import dev.verifiedschema.compare.ContractCheck;
import dev.verifiedschema.compare.SchemaDiff;
import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.migrate.SchemaLevels.Level;
import dev.verifiedschema.inspect.InspectionException;
import dev.verifiedschema.report.RemediationSql;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/** One run of a {@link Stairway}: the climb, its checks, and the report. */
final class StairwayRun {
    private static final Logger LOG = LoggerFactory.getLogger(StairwayRun.class);

    /** Thrown inside a run to stop climbing; the failure is already recorded. */
    static final class Halt extends RuntimeException {
        Halt() {
            super(null, null, false, false);
        }
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
    private final List<StepResult> steps = new ArrayList<>();
    private List<Violation> violations = List.of();
    private String downgrade;

    private StairwayReport.Failure failure;
    /** The data print after the last redo, when nothing has changed the data since; else null. */
    private Map<String, TableData.Print> carried;
    /** The schema's level before the climb and after each step; set as the run starts. */
    private SchemaLevels levels;
    private SchemaSnapshot head;
    /** Runs the undo scripts and fixtures. */
    private Connection connection;
    /** Reads the data prints, on a connection and in a thread of their own. */
    private DataPrints data;

    StairwayRun(Stairway config, DataSource database) {
        this.set = config.set;
        this.contract = config.contract;
        this.fixtures = config.fixtures;
        this.undoPolicy = config.undoPolicy;
        this.fullDowngrade = config.fullDowngrade;
        this.schema = config.schema;
        this.start = config.start;
        this.database = database;
        this.flyway = new FlywayRunner(database, set, schema);
        this.downgrade = "skipped: " + (fullDowngrade ? "head not reached" : "disabled");
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
        levels.ready(connection);
        Climb climb = new Climb();
        if (!todo.isEmpty()) {
            FlywayException failed = flyway.migrate(null, climb);
            climb.rethrow();
            if (failed != null) {
                FlywayBlame blame = FlywayBlame.of(set, todo, climb.current, failed);
                fail("forward", blame.version(), blame.fileName(), blame.message());
            }
        }
        Level empty = levels.first();
        Level top = climb.level == null ? empty : climb.level;
        levels.missedByTracking(top, "by the head").ifPresent(missed -> fail("database", null, null, missed));
        head = top.snapshot();
        if (contract != null) {
            violations = ContractCheck.check(contract, head);
            if (!violations.isEmpty()) {
                downgrade = "skipped: the contract does not hold";
                return;
            }
        }
        if (fullDowngrade && !set.repeatables().isEmpty()) {
            downgrade = "skipped: repeatable migrations have no undo scripts ("
                    + set.repeatables().stream().map(MigrationScript::fileName).collect(java.util.stream.Collectors.joining(", "))
                    + ")";
        } else if (fullDowngrade) {
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
                if (level == null) {
                    level = levels.first();
                }
                MigrationScript script = script(context.getMigrationInfo());
                if (script.repeatable()) {
                    // Flyway applies repeatables after the versioned migrations of a run: the stairway takes
                    // the schema they leave as the head, and has no undo to check them with
                    if (event == Event.BEFORE_EACH_MIGRATE) {
                        current = script;
                        carried = null;
                    } else {
                        Connection flywayConnection = context.getConnection();
                        if (!flywayConnection.getAutoCommit()) {
                            flywayConnection.commit();
                        }
                        level = levels.after(level);
                        LOG.info("applied repeatable migration {} where Flyway applies it, after the versioned ones; "
                                + "the stairway has no undo or redo to check it with", script.fileName());
                    }
                    return;
                }
                if (event == Event.BEFORE_EACH_MIGRATE) {
                    current = script;
                    SchemaSnapshot previous = level.snapshot();
                    beforeForward = carried != null ? carried
                            : data.read(TableData.sharedColumns(previous, previous));
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
            if (info.getVersion() == null) {
                String name = info.getScript().substring(info.getScript().lastIndexOf('/') + 1);
                return set.repeatables().stream().filter(r -> r.fileName().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Flyway applied the repeatable migration " + name
                                + ", which the stairway did not load from " + set.locations()));
            }
            MigrationVersion version = MigrationVersion.of(info.getVersion());
            return set.forwards().stream().filter(f -> f.version().equals(version)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Flyway migrated V" + version
                            + ", which the stairway did not load from " + set.locations()));
        }

        /** Re-raises what stopped the climb inside the callback, unwrapped from Flyway's exception. */
        void rethrow() throws SQLException {
            if (stopped != null) {
                throw Rethrow.as(stopped);
            }
        }
    }

    private Level step(MigrationScript forward, Level previousLevel, Map<String, TableData.Print> beforeForward,
                       long t0, Context flywayContext) throws SQLException {
        String v = forward.version().text();
        SchemaSnapshot previous = previousLevel.snapshot();
        Map<String, List<String>> oldColumns = TableData.sharedColumns(previous, previous);
        MigrationScript undo = undoPolicy == UndoPolicy.NONE ? null : set.undo(forward.version()).orElse(null);
        // the data print at this version is read while the schema is: of the columns the version
        // kept, which are the old ones unless it dropped some (then it is read again below)
        DataPrints.Pending oldAtVersion = undo == null ? null : data.start(oldColumns);
        Level level = oldAtVersion == null ? levels.after(previousLevel)
                : oldAtVersion.alongside(() -> levels.after(previousLevel));
        SchemaSnapshot current = level.snapshot();
        long forwardMs = ms(t0);
        if (undo == null) {
            steps.add(new StepResult(v, forward.fileName(), forwardMs, -1, -1, false));
            loadFixtures(forward);
            return level;
        }
        Map<String, List<String>> keptColumns = TableData.sharedColumns(previous, current);
        Map<String, TableData.Print> atVersion;
        if (keptColumns.equals(oldColumns)) {
            atVersion = oldAtVersion.get();
        } else {
            oldAtVersion.discard();
            atVersion = data.read(keptColumns);
        }

        long t1 = System.nanoTime();
        runUndo(forward, undo, "undo");
        DataPrints.Pending afterUndo = data.start(oldColumns);
        SchemaDiff undoDiff = compare(previousLevel, afterUndo);
        if (!undoDiff.isEmpty()) {
            fail("undo", v, undo.fileName(), "undo of V" + v + " did not restore the schema of V"
                    + previousVersion(forward) + ":\n" + StairwayText.undoDiff(undoDiff)
                    + "\nFix " + undo.fileName() + " so that it reverses everything " + forward.fileName() + " does.");
        }
        List<String> lost = TableData.differences(beforeForward, afterUndo.get());
        if (!lost.isEmpty()) {
            fail("undo", v, undo.fileName(), "undo of V" + v + " lost or changed data that existed before V" + v
                    + ":\n  - " + String.join("\n  - ", lost) + "\nAn undo must keep the rows of tables it did "
                    + "not create (for example: do not drop and re-add a column; alter it back).");
        }
        long undoMs = ms(t1);

        long t2 = System.nanoTime();
        ScriptFailure redoFailed = FlywayRunner.rerun(forward, flywayContext);
        if (redoFailed != null) {
            fail("redo", v, forward.fileName(), "redo of V" + v + " (after its undo) failed: " + redoFailed.describe()
                    + "\nThe undo script probably left something behind that the forward script creates again; "
                    + "fix " + undo.fileName() + ".");
        }
        // all columns of this version: the comparison looks at the kept ones, and the next version's
        // "before" print is this one when no fixture changes the data in between
        DataPrints.Pending redone = data.start(TableData.sharedColumns(current, current));
        SchemaDiff redoDiff = compare(level, redone);
        if (!redoDiff.isEmpty()) {
            fail("redo", v, forward.fileName(), "redo of V" + v + " gave a different schema than its first run:\n"
                    + StairwayText.redoDiff(redoDiff) + "\nThe undo script left state behind that changes what V" + v + " does.");
        }
        Map<String, TableData.Print> afterRedo = redone.get();
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
     * How the schema now differs from a level, while a data print of the same state is read; the
     * print is dropped when the schema differs (the run fails on that) or cannot be read.
     */
    private SchemaDiff compare(Level expected, DataPrints.Pending print) throws SQLException {
        SchemaDiff diff = print.alongside(() -> levels.diffFrom(expected));
        if (!diff.isEmpty()) {
            print.discard();
        }
        return diff;
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
        SchemaDiff trace = levels.diffFrom(empty);
        levels.missedByTracking(levels.lastSeen(), "in the full downgrade")
                .ifPresent(missed -> fail("database", null, null, missed));
        if (!trace.isEmpty()) {
            downgrade = "failed";
            fail("full downgrade", null, null, "a full downgrade from head to "
                    + (start == null ? "zero" : "V" + start) + " left a trace:\n"
                    + StairwayText.undoDiff(trace) + "\nEvery object must be dropped by the undo script of the version that "
                    + "created it.");
        }
        downgrade = "passed";
    }

    private void fail(String step, String version, String script, String message) {
        failure = new StairwayReport.Failure(step, version, script, message);
        throw new Halt();
    }

    /** Climbs, and reports; throws {@link StairwayException} when a check failed. */
    StairwayReport execute() {
        long began = System.nanoTime();
        StairwayRun run = this;
        // opens the catalog connection in a thread of its own while this thread opens its own
        // first: it reads the DDL tracking setting, and a wrong one stops the run before anything opens
        run.levels = new SchemaLevels(schema, database);
        try (run.flyway; DataPrints data = new DataPrints(database, schema); Connection connection = database.getConnection()) {
            run.data = data;
            // each statement must be seen by the other connections (Flyway's two, and the catalog's)
            connection.setAutoCommit(true);
            run.connection = connection;
            try {
                run.climb();
            } finally {
                // while the connection is open: the DDL tracker is dropped through it
                run.levels.close();
            }
        } catch (SQLException e) {
            run.failure = new StairwayReport.Failure("database", null, null, "The database failed during "
                    + "verification: " + e.getMessage() + " (SQLState " + e.getSQLState() + "). Is the server still up?");
        } catch (InspectionException e) {
            run.failure = new StairwayReport.Failure("database", null, null, "Reading the catalog failed during "
                    + "verification: " + e.getMessage());
        } catch (Halt halt) {
            // the failure is recorded in the run
        } finally {
            // when the connection could not be opened
            run.levels.close();
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
