package dev.verifiedschema.assertj;

import dev.verifiedschema.snapshot.EnumType;
import org.assertj.core.api.AbstractAssert;

import java.util.List;

/** Assertions on an enum type of the schema. */
public final class EnumAssert extends AbstractAssert<EnumAssert, EnumType> {
    private final SchemaAssert schema;

    EnumAssert(EnumType actual, SchemaAssert schema) {
        super(actual, EnumAssert.class);
        this.schema = schema;
    }

    /** The enum has exactly these labels, in this order (PostgreSQL sorts enum values by it). */
    public EnumAssert withLabels(String... labels) {
        if (!actual.labels().equals(List.of(labels))) {
            failWithMessage("Expecting enum type %s to have the labels %s, in that order, but it has: %s",
                    actual.name(), String.join(", ", labels), SchemaAssert.names(actual.labels()));
        }
        return this;
    }

    /** Back to the schema, for the next assertion. */
    public SchemaAssert and() {
        return schema;
    }
}
