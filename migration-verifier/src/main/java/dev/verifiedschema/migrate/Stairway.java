package dev.verifiedschema.migrate;

import dev.verifiedschema.contract.Contract;

import javax.sql.DataSource;
import java.util.List;
import java.util.Objects;

/**
 * Proves a migration set forward and backward on an empty database: for every version, migrate,
 * snapshot, run its undo script and compare with the previous snapshot, check that older data
 * survived, migrate again and compare; then check the contract at head and, if enabled, undo
 * everything back to an empty schema. See {@code docs/stairway.md}.
 *
 * <pre>{@code
 * StairwayReport report = Stairway.of(MigrationSet.load(List.of("classpath:db/migration")))
 *         .withContract(contract)
 *         .withFixtures(FixtureSet.load("classpath:fixtures"))
 *         .run(dataSource);            // throws StairwayException with the report when a step fails
 * }</pre>
 */
public final class Stairway {
    final MigrationSet set;
    final Contract contract;
    final FixtureSet fixtures;
    final UndoPolicy undoPolicy;
    final boolean fullDowngrade;
    final String schema;
    final MigrationVersion start;
    final boolean failFast;
    final Baseline baseline;

    private Stairway(MigrationSet set, Contract contract, FixtureSet fixtures, UndoPolicy undoPolicy,
                     boolean fullDowngrade, String schema, MigrationVersion start, boolean failFast, Baseline baseline) {
        this.set = Objects.requireNonNull(set, "set");
        this.contract = contract;
        this.fixtures = fixtures;
        this.undoPolicy = undoPolicy;
        this.fullDowngrade = fullDowngrade;
        this.schema = schema;
        this.start = start;
        this.failFast = failFast;
        this.baseline = baseline;
    }

    /**
     * A stairway for this set: undo required, full downgrade on, schema {@code public}, no contract,
     * every finding reported (not fail-fast), no baseline.
     */
    public static Stairway of(MigrationSet set) {
        return new Stairway(set, null, FixtureSet.none(), UndoPolicy.REQUIRED, true, "public", null, false, null);
    }

    /** Checks this contract at head (its schema becomes the schema verified). */
    public Stairway withContract(Contract contract) {
        return new Stairway(set, contract, fixtures, undoPolicy, fullDowngrade,
                contract == null ? schema : contract.schema(), start, failFast, baseline);
    }

    /** Loads these fixtures along the way. */
    public Stairway withFixtures(FixtureSet fixtures) {
        return new Stairway(set, contract, fixtures == null ? FixtureSet.none() : fixtures, undoPolicy, fullDowngrade,
                schema, start, failFast, baseline);
    }

    /** Whether undo scripts are required, optional or ignored. */
    public Stairway withUndoPolicy(UndoPolicy policy) {
        return new Stairway(set, contract, fixtures, Objects.requireNonNull(policy), fullDowngrade, schema, start,
                failFast, baseline);
    }

    /** Whether to undo everything from head to zero at the end and require an empty schema. */
    public Stairway withFullDowngrade(boolean enabled) {
        return new Stairway(set, contract, fixtures, undoPolicy, enabled, schema, start, failFast, baseline);
    }

    /** The schema the migrations build (when no contract names it). */
    public Stairway inSchema(String schemaName) {
        return new Stairway(set, contract, fixtures, undoPolicy, fullDowngrade, Objects.requireNonNull(schemaName),
                start, failFast, baseline);
    }

    /**
     * Whether to stop at the first finding that fails (as the stairway did before it learnt to go
     * on). Off by default: a run reports every failing step, then the contract at head.
     */
    public Stairway failFast(boolean enabled) {
        return new Stairway(set, contract, fixtures, undoPolicy, fullDowngrade, schema, start, enabled, baseline);
    }

    /**
     * Accepts the findings of this baseline: they are reported, and only findings not in it fail;
     * entries that no longer occur are listed in the report ({@link StairwayReport#baselineGone()}).
     */
    public Stairway withBaseline(Baseline accepted) {
        return new Stairway(set, contract, fixtures, undoPolicy, fullDowngrade, schema, start, failFast, accepted);
    }

    /**
     * Starts the stairway above a version: the database is first migrated plainly to that version
     * (as a production replica stands), then only the later versions are proven, and the final
     * downgrade goes back to that version instead of zero.
     */
    public Stairway startingAt(MigrationVersion version) {
        if (version != null && set.forwards().stream().noneMatch(f -> f.version().equals(version))) {
            throw new MigrationSetException(String.join(", ", set.locations()), List.of("there is no V" + version
                    + "__*.sql to start from"));
        }
        return new Stairway(set, contract, fixtures, undoPolicy, fullDowngrade, schema, version, failFast, baseline);
    }

    /**
     * Runs the stairway on an empty database.
     *
     * @return the report of a verification in which every check held (accepted findings aside)
     * @throws StairwayException with the report when a finding fails or the contract does not hold
     * @throws MigrationSetException when a fixture has no version to follow or a directive is malformed
     */
    public StairwayReport run(DataSource database) {
        checkInputs();
        return new StairwayRun(this, database).execute();
    }

    private void checkInputs() {
        List<String> orphans = fixtures.orphans(set).stream().map(f -> "fixture " + f.path() + " is for version "
                + f.version() + ", but there is no V" + f.version() + "__*.sql; it would never load: rename it to "
                + "the version after which it should load").toList();
        if (!orphans.isEmpty()) {
            throw new MigrationSetException(fixtures.location(), orphans);
        }
        List<String> directives = Directives.problems(set);
        if (!directives.isEmpty()) {
            throw new MigrationSetException(String.join(", ", set.locations()), directives);
        }
    }
}
