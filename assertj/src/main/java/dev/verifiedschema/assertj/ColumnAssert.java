package dev.verifiedschema.assertj;

import dev.verifiedschema.contract.TypeNames;
import dev.verifiedschema.snapshot.Column;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one column: its type, nullability and default. */
public final class ColumnAssert extends AbstractAssert<ColumnAssert, Column> {
    private final TableAssert table;

    ColumnAssert(Column actual, TableAssert table) {
        super(actual, ColumnAssert.class);
        this.table = table;
    }

    /** The column is of this type, written as PostgreSQL or a contract writes it ({@code int8} is {@code bigint}). */
    public ColumnAssert ofType(String type) {
        if (!TypeNames.normalise(type).equals(TypeNames.normalise(actual.type()))) {
            failWithMessage("Expecting column %s.%s to be of type %s, but it is %s", table.actual().name(),
                    actual.name(), type, actual.type());
        }
        return this;
    }

    /** The column is {@code NOT NULL}. */
    @Override
    public ColumnAssert isNotNull() {
        super.isNotNull();
        if (actual.nullable()) {
            failWithMessage("Expecting column %s.%s to be NOT NULL, but it allows null", table.actual().name(),
                    actual.name());
        }
        return this;
    }

    /** The column allows null. */
    public ColumnAssert isNullable() {
        if (!actual.nullable()) {
            failWithMessage("Expecting column %s.%s to allow null, but it is NOT NULL", table.actual().name(),
                    actual.name());
        }
        return this;
    }

    /** The column's default is this expression, as PostgreSQL shows it ({@code 'draft'::invoice_status}, {@code now()}). */
    public ColumnAssert hasDefault(String expression) {
        if (actual.defaultValue() == null || !actual.defaultValue().equals(expression)) {
            failWithMessage("Expecting column %s.%s to default to %s, but %s", table.actual().name(), actual.name(),
                    expression, actual.defaultValue() == null ? "it has no default" : "it defaults to " + actual.defaultValue());
        }
        return this;
    }

    /** The column has no default. */
    public ColumnAssert hasNoDefault() {
        if (actual.defaultValue() != null) {
            failWithMessage("Expecting column %s.%s to have no default, but it defaults to %s", table.actual().name(),
                    actual.name(), actual.defaultValue());
        }
        return this;
    }

    /** Another column of the same table. */
    public ColumnAssert withColumn(String name) {
        return table.withColumn(name);
    }

    /** Back to the table, for its keys and indexes. */
    public TableAssert and() {
        return table;
    }
}
