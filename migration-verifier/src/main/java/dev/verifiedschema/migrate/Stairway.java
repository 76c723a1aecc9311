package dev.verifiedschema.migrate;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.DesignLintSettings;

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
    MigrationSet set;
    Contract contract;
    FixtureSet fixtures = FixtureSet.none();
    UndoPolicy undoPolicy = UndoPolicy.REQUIRED;
    boolean fullDowngrade = true;
    String schema = "public";
    MigrationVersion start;
    boolean failFast;
    Baseline baseline;
    SessionTimeouts timeouts = SessionTimeouts.DEFAULT;
    DesignLintSettings designLint;
    java.nio.file.Path schemaDocs;
    boolean crossCheck;

    private Stairway(MigrationSet set) {
        this.set = Objects.requireNonNull(set, "set");
    }

    /** A copy to change one setting of (a stairway never changes once made). */
    private Stairway copy() {
        Stairway copy = new Stairway(set);
        copy.contract = contract;
        copy.fixtures = fixtures;
        copy.undoPolicy = undoPolicy;
        copy.fullDowngrade = fullDowngrade;
        copy.schema = schema;
        copy.start = start;
        copy.failFast = failFast;
        copy.baseline = baseline;
        copy.timeouts = timeouts;
        copy.designLint = designLint;
        copy.schemaDocs = schemaDocs;
        copy.crossCheck = crossCheck;
        return copy;
    }

    /**
     * A stairway for this set: undo required, full downgrade on, schema {@code public}, no contract,
     * every finding reported (not fail-fast), no baseline, the default session timeouts
     * ({@link #withTimeouts}).
     */
    public static Stairway of(MigrationSet set) {
        return new Stairway(set);
    }

    /** Checks this contract at head (its schema becomes the schema verified). */
    public Stairway withContract(Contract contract) {
        Stairway s = copy();
        s.contract = contract;
        s.schema = contract == null ? schema : contract.schema();
        return s;
    }

    /** Loads these fixtures along the way. */
    public Stairway withFixtures(FixtureSet fixtures) {
        Stairway s = copy();
        s.fixtures = fixtures == null ? FixtureSet.none() : fixtures;
        return s;
    }

    /** Whether undo scripts are required, optional or ignored. */
    public Stairway withUndoPolicy(UndoPolicy policy) {
        Stairway s = copy();
        s.undoPolicy = Objects.requireNonNull(policy);
        return s;
    }

    /** Whether to undo everything from head to zero at the end and require an empty schema. */
    public Stairway withFullDowngrade(boolean enabled) {
        Stairway s = copy();
        s.fullDowngrade = enabled;
        return s;
    }

    /** The schema the migrations build (when no contract names it). */
    public Stairway inSchema(String schemaName) {
        Stairway s = copy();
        s.schema = Objects.requireNonNull(schemaName);
        return s;
    }

    /**
     * Whether to stop at the first finding that fails (as the stairway did before it learnt to go
     * on). Off by default: a run reports every failing step, then the contract at head.
     */
    public Stairway failFast(boolean enabled) {
        Stairway s = copy();
        s.failFast = enabled;
        return s;
    }

    /**
     * Accepts the findings of this baseline: they are reported, and only findings not in it fail;
     * entries that no longer occur are listed in the report ({@link StairwayReport#baselineGone()}).
     */
    public Stairway withBaseline(Baseline accepted) {
        Stairway s = copy();
        s.baseline = accepted;
        return s;
    }

    /**
     * How long a statement of the stairway's sessions (Flyway's, the undo scripts', the fixtures')
     * may wait for a lock and may run, so a script that waits on another session or never ends fails,
     * naming its line, instead of hanging the build. Default {@link SessionTimeouts#DEFAULT}: 30 s and
     * 10 min; a script's own {@code SET lock_timeout} wins for that script.
     */
    public Stairway withTimeouts(SessionTimeouts timeouts) {
        Stairway s = copy();
        s.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        return s;
    }

    /**
     * How the design lint of the head runs (docs/design-lint.md): {@link DesignLintSettings#DEFAULT} runs
     * every rule that is on by default, as warnings that fail nothing. Without this, the contract's
     * {@code designLint:} section decides, and without that the lint does not run
     * ({@link DesignLintSettings#OFF}): it is opt-in, since loading SchemaCrawler and reading the head
     * with it adds a third to a small verification, warm, and more to a first one (docs/performance.md).
     */
    public Stairway withDesignLint(DesignLintSettings settings) {
        Stairway s = copy();
        s.designLint = settings;
        return s;
    }

    /**
     * Writes the documentation of the head into this directory, as {@code schema.html} (one
     * self-contained page) and {@code schema.txt} (text to diff two heads with), read as
     * {@code snapshot --docs} reads it (docs/schema-docs.md); {@code null}, the default, writes none.
     */
    public Stairway withSchemaDocs(java.nio.file.Path directory) {
        Stairway s = copy();
        s.schemaDocs = directory;
        return s;
    }

    /**
     * Whether to read the head a second way, through pgjdbc's {@code DatabaseMetaData} with SchemaCrawler,
     * and compare it with the toolkit's own reading (tables, column types and nullability, keys,
     * foreign keys, indexes on plain columns): a difference is a {@code cross-check-failed} finding, a
     * fault of the toolkit, reported with both readings. Off by default.
     */
    public Stairway withCrossCheck(boolean enabled) {
        Stairway s = copy();
        s.crossCheck = enabled;
        return s;
    }

    /** The design lint settings this stairway runs with: its own, else the contract's, else off. */
    public DesignLintSettings designLint() {
        return designLint != null ? designLint : DesignLintSettings.of(contract);
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
        Stairway s = copy();
        s.start = version;
        return s;
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
        return new StairwayRun(this, timeouts.applyTo(database)).execute();
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
