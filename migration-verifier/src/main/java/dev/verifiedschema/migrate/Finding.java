package dev.verifiedschema.migrate;

import java.util.Objects;

/**
 * One thing the stairway found wrong at one step: the step and version, the script concerned, a
 * stable kind and object (what a {@linkplain Baseline baseline} records), and the sentence a person
 * reads. A finding is <em>accepted</em> when a script directive or a baseline acknowledges it: it
 * is reported, but the verification does not fail on it.
 *
 * @param step     {@code forward}, {@code undo}, {@code redo}, {@code fixtures}, {@code full downgrade},
 *                 {@code design lint}, {@code schema docs}, {@code cross-check}, or {@code database} when the database or the
 *                 catalog failed
 * @param version  the version concerned, or {@code null}
 * @param script   the script concerned (file name), or {@code null}
 * @param kind     what went wrong, one of the {@code Finding.*} kind constants
 * @param object   the objects concerned, stable from run to run (no timings, no row counts)
 * @param message  the explanation, several lines, naming the objects and what to do
 * @param accepted why the finding does not fail the verification, or {@code null} when it does
 */
public record Finding(String step, String version, String script, String kind, String object, String message,
                      String accepted) {
    /** The forward migration failed; nothing after it can run. */
    public static final String FORWARD_FAILED = "forward-failed";
    /** A version has no undo script while undo scripts are required. */
    public static final String MISSING_UNDO = "missing-undo";
    /** The undo script failed (its transaction was rolled back). */
    public static final String UNDO_FAILED = "undo-failed";
    /** The undo left the schema different from the version before. */
    public static final String UNDO_SCHEMA = "undo-schema";
    /** The undo lost or changed rows that existed before the version. */
    public static final String UNDO_DATA = "undo-data";
    /** The forward migration failed when run again after its undo. */
    public static final String REDO_FAILED = "redo-failed";
    /** Run again after its undo, the version built a different schema. */
    public static final String REDO_SCHEMA = "redo-schema";
    /** After undo and redo, the data differs from the version's first run. */
    public static final String REDO_DATA = "redo-data";
    /** A fixture script failed. */
    public static final String FIXTURE_FAILED = "fixture-failed";
    /** Undoing every version down to the start left a trace. */
    public static final String DOWNGRADE_TRACE = "downgrade-trace";
    /** Versions of the set that Flyway did not apply on the climb, so nothing of them was checked. */
    public static final String NOT_APPLIED = "not-applied";
    /** The design lint of the head found a flaw whose severity reaches its {@code failOn}. */
    public static final String DESIGN_LINT = "design-lint";
    /** The design lint could not run (the schema could not be read, or a team's query failed). */
    public static final String DESIGN_LINT_FAILED = "design-lint-failed";
    /** The toolkit's reading of the head and JDBC's metadata disagree, or the second reading failed ({@link Stairway#withCrossCheck}). */
    public static final String CROSS_CHECK_FAILED = "cross-check-failed";
    /** The documentation of the head could not be written ({@link Stairway#withSchemaDocs}). */
    public static final String SCHEMA_DOCS_FAILED = "schema-docs-failed";
    /** The database, the connection or the catalog failed; the run could not go on. */
    public static final String DATABASE = "database";

    public Finding {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        object = object == null ? "" : object;
    }

    /** Whether this finding fails the verification. */
    public boolean fails() {
        return accepted == null;
    }

    /** The same finding, accepted for this reason. */
    Finding accept(String reason) {
        return new Finding(step, version, script, kind, object, message, reason);
    }

    /** {@code V2 undo (U2__webauthn.sql)}: where it was found, as the report's lines begin. */
    public String where() {
        return (version == null ? "" : "V" + version + " ") + step + (script == null ? "" : " (" + script + ")");
    }
}
