package dev.verifiedschema.assertj;

import dev.verifiedschema.snapshot.SchemaSnapshot;

/**
 * Entry point of the schema assertions, next to AssertJ's own:
 *
 * <pre>{@code
 * import static dev.verifiedschema.assertj.SchemaAssertions.assertThat;
 *
 * assertThat(head).hasTable("users").withColumn("consent_data_storage").ofType("boolean").isNotNull()
 *         .and().hasIndexOn("user_id", "created_at")
 *         .and().hasEnum("feedback_status").withLabels("new", "read", "answered");
 * }</pre>
 */
public final class SchemaAssertions {
    private SchemaAssertions() {
    }

    /** Assertions on a schema snapshot (the one {@code @VerifiedSchema} injects, or one read with {@code SchemaInspector}). */
    public static SchemaAssert assertThat(SchemaSnapshot actual) {
        return new SchemaAssert(actual);
    }
}
