package dev.verifiedschema.assertj;

import dev.verifiedschema.compare.ContractCheck;
import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.snapshot.EnumType;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions on a whole schema: its tables, views, enums, sequences, and a contract. */
public final class SchemaAssert extends AbstractAssert<SchemaAssert, SchemaSnapshot> {

    SchemaAssert(SchemaSnapshot actual) {
        super(actual, SchemaAssert.class);
        isNotNull();
    }

    /** The schema has this table; goes on with assertions on it. */
    public TableAssert hasTable(String name) {
        Table table = actual.tables().get(name);
        if (table == null) {
            failWithMessage("Expecting schema %s to have table %s, but it has: %s", actual.schema(), name,
                    names(actual.tables().keySet()));
        }
        return new TableAssert(table, this);
    }

    /** The schema has no table of this name. */
    public SchemaAssert doesNotHaveTable(String name) {
        if (actual.tables().containsKey(name)) {
            failWithMessage("Expecting schema %s not to have table %s, but it has it", actual.schema(), name);
        }
        return this;
    }

    /** The schema has exactly these tables, in any order. */
    public SchemaAssert hasExactlyTables(String... names) {
        List<String> expected = List.of(names);
        List<String> missing = expected.stream().filter(n -> !actual.tables().containsKey(n)).toList();
        List<String> extra = actual.tables().keySet().stream().filter(n -> !expected.contains(n)).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            failWithMessage("Expecting schema %s to have exactly the tables %s, but %s%s", actual.schema(),
                    names(expected), missing.isEmpty() ? "" : "it lacks " + names(missing),
                    extra.isEmpty() ? "" : (missing.isEmpty() ? "" : " and ") + "it also has " + names(extra));
        }
        return this;
    }

    /** The schema has this view (plain or materialized). */
    public SchemaAssert hasView(String name) {
        if (!actual.views().containsKey(name)) {
            failWithMessage("Expecting schema %s to have view %s, but it has: %s", actual.schema(), name,
                    names(actual.views().keySet()));
        }
        return this;
    }

    /** The schema has this sequence. */
    public SchemaAssert hasSequence(String name) {
        if (!actual.sequences().containsKey(name)) {
            failWithMessage("Expecting schema %s to have sequence %s, but it has: %s", actual.schema(), name,
                    names(actual.sequences().keySet()));
        }
        return this;
    }

    /** The schema has this enum type; goes on with assertions on its labels. */
    public EnumAssert hasEnum(String name) {
        EnumType type = actual.enums().get(name);
        if (type == null) {
            failWithMessage("Expecting schema %s to have enum type %s, but it has: %s", actual.schema(), name,
                    names(actual.enums().keySet()));
        }
        return new EnumAssert(type, this);
    }

    /** The schema holds the contract: no violation, as the contract check of the stairway reports them. */
    public SchemaAssert satisfies(Contract contract) {
        List<Violation> violations = ContractCheck.check(contract, actual);
        if (!violations.isEmpty()) {
            failWithMessage("Expecting schema %s to satisfy the contract %s, but it has %d violation%s:%n%s",
                    actual.schema(), contract.source(), violations.size(), violations.size() == 1 ? "" : "s",
                    violations.stream().map(v -> "  - " + v.describe()).collect(Collectors.joining("\n")));
        }
        return this;
    }

    static String names(java.util.Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
