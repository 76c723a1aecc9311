package dev.verifiedschema.migrate;

import dev.verifiedschema.compare.ContractCheck;
import dev.verifiedschema.compare.SchemaDiff;
import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.Identifiers;
import dev.verifiedschema.migrate.SchemaLevels.Level;
import dev.verifiedschema.inspect.InspectionException;
import dev.verifiedschema.report.RemediationSql;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * One run of a {@link Stairway}: the climb, its checks, and the report. A failing check is recorded
 * as a {@link Finding} and the climb goes on (unless the run is fail-fast): where the failed step
 * left the database in another state than its version's, the schema is rebuilt to that version
 * ({@link #rebuild}) and the climb continues above it.
 */
final class StairwayRun {
    private static final Logger LOG = LoggerFactory.getLogger(StairwayRun.class);

    /** Thrown inside a run to stop climbing; the finding is already recorded. */
    static final class Halt extends RuntimeException {
        Halt() {
            super(null, null, false, false);
        }
    }

    /**
     * Thrown inside the climb when a failed undo or redo left the database in a state that is not
     * its version's: the climb stops, the schema is rebuilt to the version, and climbing resumes.
     */
    static final class Rebuild extends RuntimeException {
        final transient MigrationScript at;

        Rebuild(MigrationScript at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    final MigrationSet set;
    private final Contract contract;
    private final FixtureSet fixtures;
    private final UndoPolicy undoPolicy;
    private final boolean fullDowngrade;
    private final String schema;
    private final MigrationVersion start;
    private final boolean failFast;
    private final Baseline baseline;
    private final DataSource database;
    private final FlywayRunner flyway;
    private final List<StepResult> steps = new ArrayList<>();
    private final long created = System.nanoTime();
    private List<Violation> violations = List.of();
    private final Stairway config;
    private List<dev.verifiedschema.crawler.DesignFinding> designFindings = List.of();
    private String downgrade;

    private final List<Finding> findings = new ArrayList<>();
    /** Whether a run stopped before its end (a fail-fast finding, a forward failure, the database). */
    private boolean halted;
    /** Why the full downgrade would fail again (the first undo or redo that failed, or is missing); else null. */
    private String downgradeBlocked;
    /** The newest version marked irreversible, and its level: the full downgrade stops there. */
    private MigrationScript irreversible;
    private Level irreversibleLevel;
    /** The level before the climb (of the first climb, when the schema was rebuilt since). */
    Level bottom;
    /** The data print after the last redo, when nothing has changed the data since; else null. */
    Map<String, TableData.Print> carried;
    /** The schema's level before the climb and after each step; set as the run starts. */
    SchemaLevels levels;
    private SchemaSnapshot head;
    /** Runs the undo scripts and fixtures. */
    private Connection connection;
    /** The step the climb is at, for a database that fails under it: {@code V7 undo (U7__x.sql)}. */
    private String at = "the start";
    /** Reads the data prints, on a connection and in a thread of their own. */
    DataPrints data;

    StairwayRun(Stairway config, DataSource database) {
        this.set = config.set;
        this.contract = config.contract;
        this.fixtures = config.fixtures;
        this.undoPolicy = config.undoPolicy;
        this.fullDowngrade = config.fullDowngrade;
        this.schema = config.schema;
        this.start = config.start;
        this.failFast = config.failFast;
        this.baseline = config.baseline;
        this.config = config;
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
                stop(new Finding("forward", start.text(), base.fileName(), Finding.FORWARD_FAILED, base.fileName(),
                        "migrating to the starting version V" + start + " failed: " + failed.describe(), null));
            }
            todo = todo.subList(todo.indexOf(base) + 1, todo.size());
        }
        try (java.sql.Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
        }
        if (start == null) {
            refuseNonEmptyStart();
        }
        // the first level is read, and the catalog statements planned, on the catalog connection while
        // Flyway sets itself up on its own connections; the climb waits for it before the first version
        levels.ready(connection);
        Climb climb = new Climb(this);
        while (!todo.isEmpty()) {
            FlywayException failed = flyway.migrate(null, climb);
            if (climb.stopped instanceof Rebuild rebuild) {
                todo = rebuild(rebuild.at, todo);
                climb = new Climb(this);
                continue;
            }
            climb.rethrow();
            if (failed != null) {
                FlywayBlame blame = FlywayBlame.of(set, todo, climb.current, failed);
                SQLException ended = FlywayBlame.sessionEnded(failed);
                if (ended != null) {
                    stopOnDatabase(StairwayText.databaseFailed((blame.version() == null ? "" : "V" + blame.version()
                            + " forward ") + "(" + blame.fileName() + ")", ended));
                }
                stop(new Finding("forward", blame.version(), blame.fileName(), Finding.FORWARD_FAILED,
                        blame.fileName(), blame.message(), null));
            }
            break;
        }
        if (bottom == null) {
            bottom = levels.first();
        }
        requireEveryVersionClimbed();
        Level top = climb.level == null ? levels.first() : climb.level;
        levels.missedByTracking(top, "by the head").ifPresent(this::stopOnDatabase);
        at = "the head";
        head = top.snapshot();
        if (contract != null) {
            violations = ContractCheck.check(contract, head);
        }
        at = HeadLint.STEP;
        List<Finding> atHead = new ArrayList<>();
        designFindings = HeadLint.run(database, head, config, atHead);
        atHead.forEach(this::record);
        if (!violations.isEmpty()) {
            downgrade = "skipped: the contract does not hold";
            return;
        }
        if (fullDowngrade && !set.repeatables().isEmpty()) {
            downgrade = "skipped: repeatable migrations have no undo scripts ("
                    + set.repeatables().stream().map(MigrationScript::fileName).collect(java.util.stream.Collectors.joining(", "))
                    + ")";
        } else if (fullDowngrade) {
            downgradeAll(set.forwardsAbove(start));
        }
    }

    /** A database that already holds the set would let the run pass having checked nothing. */
    private void refuseNonEmptyStart() throws SQLException {
        EmptyStart.check(connection, schema).ifPresent(this::stopOnDatabase);
    }

    /**
     * Every version of the set that the stairway was to climb must have been applied: a Flyway
     * setting (a target, a version filter) that leaves some out would otherwise let them pass unchecked.
     */
    private void requireEveryVersionClimbed() {
        if (halted) {
            return;
        }
        EmptyStart.notApplied(steps, set.forwardsAbove(start)).ifPresent(this::record);
    }

    /**
     * Brings the schema back to the state of a version after a failed step left it elsewhere
     * ({@link SchemaRebuild}), then reads the level anew.
     *
     * @return the versions still to climb
     */
    private List<MigrationScript> rebuild(MigrationScript at, List<MigrationScript> todo) throws SQLException {
        long began = System.nanoTime();
        levels.close();
        java.util.Optional<Finding> failed = SchemaRebuild.restore(connection, schema, set, start, fixtures, flyway, at);
        if (failed.isPresent()) {
            stop(failed.get());
        }
        carried = null;
        levels = new SchemaLevels(schema, database);
        levels.ready(connection);
        LOG.info("rebuilt schema {} at V{} after its failed step in {} ms; going on with the later versions", schema,
                at.version(), ms(began));
        return todo.subList(todo.indexOf(at) + 1, todo.size());
    }

    Level step(MigrationScript forward, Level previousLevel, Map<String, TableData.Print> beforeForward,
                       long t0, Context flywayContext) throws SQLException {
        String v = forward.version().text();
        at = "V" + v + " forward (" + forward.fileName() + ")";
        Directives directives = Directives.of(forward);
        SchemaSnapshot previous = previousLevel.snapshot();
        Map<String, List<String>> oldColumns = TableData.sharedColumns(previous, previous);
        MigrationScript undo = undoPolicy == UndoPolicy.NONE || directives.irreversible() ? null
                : set.undo(forward.version()).orElse(null);
        // the data print at this version is read while the schema is: of the columns the version
        // kept, which are the old ones unless it dropped some (then it is read again below)
        DataPrints.Pending oldAtVersion = undo == null ? null : data.start(oldColumns);
        Level level = oldAtVersion == null ? levels.after(previousLevel)
                : oldAtVersion.alongside(() -> levels.after(previousLevel));
        SchemaSnapshot current = level.snapshot();
        long forwardMs = ms(t0);
        if (undo == null) {
            step(new StepResult(v, forward.fileName(), forwardMs, -1, -1, false, withoutUndo(forward, directives)));
            if (directives.irreversible() && undoPolicy != UndoPolicy.NONE) {
                irreversible = forward;
                irreversibleLevel = level;
            }
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
        int before = findings.size();

        long t1 = System.nanoTime();
        at = "V" + v + " undo (" + undo.fileName() + ")";
        ScriptFailure undoFailed = ScriptRunner.run(connection, undo, schema);
        if (undoFailed != null) {
            // rolled back: the database is still at this version
            blockDowngrade("the undo of V" + v + " failed");
            record(new Finding("undo", v, undo.fileName(), Finding.UNDO_FAILED, undo.fileName(), "undo of V" + v
                    + " failed: " + undoFailed.describe() + "\nNothing of the undo script was kept (it ran in one "
                    + "transaction).", null));
            step(new StepResult(v, forward.fileName(), forwardMs, ms(t1), -1, true, StepResult.FAILED));
            loadFixtures(forward);
            return level;
        }
        DataPrints.Pending afterUndo = data.start(oldColumns);
        SchemaDiff undoDiff = compare(previousLevel, afterUndo);
        boolean residue = !undoDiff.isEmpty();
        boolean lostData = false;
        if (residue) {
            blockDowngrade("the undo of V" + v + " did not restore the schema");
            record(new Finding("undo", v, undo.fileName(), Finding.UNDO_SCHEMA, StairwayText.objects(undoDiff), "undo of V" + v
                    + " did not restore the schema of V" + set.versionBefore(forward) + ":\n"
                    + StairwayText.undoDiff(undoDiff) + "\n" + StairwayText.fixUndo(undo, forward), null));
        } else {
            List<String> lost = TableData.differences(beforeForward, afterUndo.get());
            if (!lost.isEmpty()) {
                lostData = true;
                record(dataFinding(new Finding("undo", v, undo.fileName(), Finding.UNDO_DATA, StairwayText.tables(lost), "undo of V"
                        + v + " lost or changed data that existed before V" + v + ":\n  - " + String.join("\n  - ", lost)
                        + "\nAn undo must keep the rows of tables it did not create (for example: do not drop and "
                        + "re-add a column; alter it back).", null), directives, forward));
            }
        }
        long undoMs = ms(t1);

        long t2 = System.nanoTime();
        at = "V" + v + " redo (" + forward.fileName() + ")";
        ScriptFailure redoFailed = FlywayRunner.rerun(forward, flywayContext);
        if (redoFailed != null) {
            blockDowngrade("the redo of V" + v + " failed");
            if (!residue) {
                record(new Finding("redo", v, forward.fileName(), Finding.REDO_FAILED, forward.fileName(), "redo of V"
                        + v + " (after its undo) failed: " + redoFailed.describe() + "\nThe undo script probably left "
                        + "something behind that the forward script creates again; fix " + undo.fileName() + ".", null));
            }
            step(new StepResult(v, forward.fileName(), forwardMs, undoMs, ms(t2), true, StepResult.FAILED));
            throw new Rebuild(forward);
        }
        // all columns of this version: the comparison looks at the kept ones, and the next version's
        // "before" print is this one when no fixture changes the data in between
        DataPrints.Pending redone = data.start(TableData.sharedColumns(current, current));
        SchemaDiff redoDiff = compare(level, redone);
        if (!redoDiff.isEmpty()) {
            blockDowngrade("the redo of V" + v + " gave a different schema");
            if (!residue) {
                record(new Finding("redo", v, forward.fileName(), Finding.REDO_SCHEMA, StairwayText.objects(redoDiff), "redo of V" + v
                        + " gave a different schema than its first run:\n" + StairwayText.redoDiff(redoDiff)
                        + "\nThe undo script left state behind that changes what V" + v + " does.", null));
            }
            step(new StepResult(v, forward.fileName(), forwardMs, undoMs, ms(t2), true, StepResult.FAILED));
            throw new Rebuild(forward);
        }
        // a residue the redo absorbed (the schema is this version's again): the climb goes on from here
        Map<String, TableData.Print> afterRedo = redone.get();
        if (!lostData && !residue) {
            List<String> changed = TableData.differences(atVersion, afterRedo);
            if (!changed.isEmpty()) {
                record(dataFinding(new Finding("redo", v, forward.fileName(), Finding.REDO_DATA, StairwayText.tables(changed),
                        "after undo and redo of V" + v + " the data differs from the first run of V" + v + ":\n  - "
                        + String.join("\n  - ", changed), null), directives, forward));
            }
        } else if (lostData && !TableData.differences(atVersion, afterRedo).isEmpty()) {
            // the redo did not bring back what the undo lost: the later versions need the version's data
            step(new StepResult(v, forward.fileName(), forwardMs, undoMs, ms(t2), true, outcome(before)));
            throw new Rebuild(forward);
        }
        long redoMs = ms(t2);
        StepResult result = new StepResult(v, forward.fileName(), forwardMs, undoMs, redoMs, true, outcome(before));
        step(result);
        carried = fixtures.after(forward.version()).isEmpty() ? afterRedo : null;
        loadFixtures(forward);
        return level;
    }

    /** The full downgrade would fail at this step again: it is skipped, naming the first such step. */
    private void blockDowngrade(String why) {
        if (downgradeBlocked == null) {
            downgradeBlocked = why;
        }
    }

    /** How a version's step came out, from the findings recorded since index {@code before}. */
    private String outcome(int before) {
        List<Finding> own = findings.subList(before, findings.size());
        return own.isEmpty() ? StepResult.HELD
                : own.stream().anyMatch(Finding::fails) ? StepResult.FAILED : StepResult.ACCEPTED;
    }

    /** Why a version without an undo run has none; a missing one under {@code required} is a finding. */
    private String withoutUndo(MigrationScript forward, Directives directives) {
        if (undoPolicy == UndoPolicy.NONE) {
            return StepResult.POLICY_NONE;
        }
        if (directives.irreversible()) {
            return StepResult.IRREVERSIBLE;
        }
        if (undoPolicy == UndoPolicy.REQUIRED) {
            blockDowngrade("V" + forward.version() + " has no undo script");
            record(StairwayText.missingUndo(forward));
            return StepResult.FAILED;
        }
        return StepResult.NO_UNDO;
    }

    /** A data finding of a version whose script says it changes data is reported, not failed. */
    private static Finding dataFinding(Finding finding, Directives directives, MigrationScript forward) {
        return directives.changesData() ? finding.accept("changes-data: " + forward.fileName() + " says so") : finding;
    }

    /**
     * How the schema now differs from a level, while a data print of the same state is read; the
     * print is dropped when the schema differs or cannot be read.
     */
    private SchemaDiff compare(Level expected, DataPrints.Pending print) throws SQLException {
        SchemaDiff diff = print.alongside(() -> levels.diffFrom(expected));
        if (!diff.isEmpty()) {
            print.discard();
        }
        return diff;
    }

    private void loadFixtures(MigrationScript forward) throws SQLException {
        for (MigrationScript fixture : fixtures.after(forward.version())) {
            at = "V" + forward.version() + " fixtures (" + fixture.fileName() + ")";
            ScriptFailure failed = ScriptRunner.run(connection, fixture, schema);
            if (failed != null) {
                carried = null;
                record(new Finding("fixtures", forward.version().text(), fixture.fileName(), Finding.FIXTURE_FAILED,
                        fixture.fileName(), "fixture " + failed.describe() + "\nFixtures for V" + forward.version()
                        + " may only use what exists at V" + forward.version() + ".", null));
            }
        }
    }

    /**
     * Undoes every climbed version from head down, and compares with the level before the climb, or
     * with the level of the newest version marked irreversible, where the downgrade stops.
     */
    private void downgradeAll(List<MigrationScript> climbed) throws SQLException {
        if (undoPolicy == UndoPolicy.NONE) {
            downgrade = "skipped: the undo policy is none";
            return;
        }
        if (downgradeBlocked != null) {
            downgrade = "skipped: " + downgradeBlocked + " (see the findings)";
            return;
        }
        List<MigrationScript> reversed = new ArrayList<>(climbed);
        java.util.Collections.reverse(reversed);
        if (irreversible != null) {
            reversed = reversed.subList(0, reversed.indexOf(irreversible));
        }
        for (MigrationScript forward : reversed) {
            if (set.undo(forward.version()).isEmpty()) {
                downgrade = "skipped: V" + forward.version() + " has no undo script";
                return;
            }
        }
        downgrade = "failed";
        at = "full downgrade";
        Level target = irreversible == null ? bottom : irreversibleLevel;
        String to = irreversible != null ? "V" + irreversible.version() + " (the newest irreversible version)"
                : start == null ? "zero" : "V" + start;
        Finding finding = FullDowngrade.run(set, connection, schema, levels, reversed, target, to);
        if (finding == null) {
            downgrade = irreversible == null ? "passed" : "passed: down to " + to;
        } else if (Finding.DATABASE.equals(finding.kind())) {
            stop(finding);
        } else {
            record(finding);
        }
    }

    /** Records a finding (accepted when the baseline has it); a fail-fast run stops at one that fails. */
    private void record(Finding finding) {
        Finding f = baseline == null ? finding : baseline.apply(finding);
        findings.add(f);
        if (f.fails()) {
            LOG.debug("{}: {}", f.where(), f.message().lines().findFirst().orElse("")); // the report has it
            if (failFast) {
                halted = true;
                throw new Halt();
            }
        }
    }

    /** Records a finding after which the run cannot go on, and stops it. */
    private void stop(Finding finding) {
        findings.add(finding);
        halted = true;
        throw new Halt();
    }

    private void stopOnDatabase(String message) {
        stop(new Finding("database", null, null, Finding.DATABASE, "", message, null));
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
        } catch (SQLException | InspectionException e) {
            halted = true;
            findings.add(new Finding("database", null, null, Finding.DATABASE, "", StairwayText.databaseFailed(at, e),
                    null));
        } catch (Halt halt) {
            // the finding is recorded in the run
        } finally {
            // when the connection could not be opened
            run.levels.close();
        }
        StairwayReport report = new StairwayReport(String.join(", ", set.locations()),
                contract == null ? null : contract.source(), schema, run.steps, run.violations, run.downgrade,
                findings, run.head, (System.nanoTime() - began) / 1_000_000,
                contract == null ? "" : RemediationSql.generate(contract, run.violations),
                baseline == null || halted ? List.of() : baseline.gone(findings), run.designFindings);
        if (!report.passed()) {
            throw new StairwayException(report, null);
        }
        LOG.info("{}", report.describe().lines().findFirst().orElse(""));
        return report;
    }

    /** Records a version's step and logs how far the climb is. */
    private void step(StepResult result) {
        steps.add(result);
        LOG.info("checked {}", result.progress(set.position(result.version()), set.forwards().size(), ms(created)));
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
