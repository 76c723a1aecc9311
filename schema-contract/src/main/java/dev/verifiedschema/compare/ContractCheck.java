package dev.verifiedschema.compare;

import dev.verifiedschema.contract.ColumnContract;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ForeignKeyContract;
import dev.verifiedschema.contract.IndexContract;
import dev.verifiedschema.contract.Mode;
import dev.verifiedschema.contract.TableContract;
import dev.verifiedschema.contract.UniqueContract;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.ForeignKey;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;
import dev.verifiedschema.snapshot.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.verifiedschema.compare.Violation.Kind.*;

/**
 * Compares a {@link Contract} with a {@link SchemaSnapshot}: a pure function that returns every
 * violation at once, in contract order.
 *
 * <p>What is listed must exist, in either mode. An {@code exact} table also has no column more than
 * listed, and for each of primary key, foreign keys, unique constraints and indexes that it
 * declares (an empty list declares "none") nothing more than listed; a kind it leaves out is not
 * compared at all.
 */
public final class ContractCheck {
    /** How much of the contract to check. */
    public enum Scope {
        /** Tables, columns, keys, unique constraints and indexes. */
        FULL,
        /** Tables and columns only (types, nullability, defaults): what the start-up health check reads. */
        COLUMNS
    }

    private ContractCheck() {
    }

    /** Every violation of the contract by the snapshot, checking everything the contract declares. */
    public static List<Violation> check(Contract contract, SchemaSnapshot snapshot) {
        return check(contract, snapshot, Scope.FULL);
    }

    /** Every violation of the contract by the snapshot, within the given scope. */
    public static List<Violation> check(Contract contract, SchemaSnapshot snapshot, Scope scope) {
        List<Violation> violations = new ArrayList<>();
        for (TableContract expected : contract.tables().values()) {
            Table actual = snapshot.tables().get(expected.name());
            if (actual == null) {
                violations.add(new Violation(MISSING_TABLE, expected.name(), expected.name(),
                        expected.columns().isEmpty() ? null : "columns " + String.join(", ", expected.columns().keySet()),
                        null));
                continue;
            }
            columns(expected, actual, violations);
            if (scope == Scope.FULL) {
                primaryKey(expected, actual, violations);
                foreignKeys(expected, actual, violations);
                uniqueConstraints(expected, actual, violations);
                indexes(expected, actual, violations);
            }
        }
        for (String name : snapshot.tables().keySet()) {
            if (contract.owns(name) && !contract.tables().containsKey(name)) {
                violations.add(new Violation(UNDECLARED_TABLE, name, name, null,
                        "owned: " + String.join(", ", contract.owned())));
            }
        }
        return List.copyOf(violations);
    }

    private static void columns(TableContract expected, Table actual, List<Violation> out) {
        for (ColumnContract column : expected.columns().values()) {
            Column found = actual.columns().get(column.name());
            if (found == null) {
                out.add(new Violation(MISSING_COLUMN, actual.name(), column.name(), column.type(), null));
                continue;
            }
            if (column.type() != null && !column.type().equals(found.type())) {
                out.add(new Violation(WRONG_TYPE, actual.name(), column.name(), column.type(), found.type()));
            }
            if (column.serial() && (found.defaultValue() == null || !found.defaultValue().startsWith("nextval("))) {
                out.add(new Violation(WRONG_DEFAULT, actual.name(), column.name(), "a sequence (serial)",
                        found.defaultValue() == null ? "no default" : found.defaultValue()));
            }
            if (column.nullable() != null && column.nullable() != found.nullable()) {
                out.add(new Violation(WRONG_NULLABILITY, actual.name(), column.name(),
                        nullability(column.nullable()), nullability(found.nullable())));
            }
            if (column.defaultValue() != null && !Defaults.same(column.defaultValue(), found.defaultValue())) {
                out.add(new Violation(WRONG_DEFAULT, actual.name(), column.name(), column.defaultValue(),
                        found.defaultValue() == null ? "no default" : found.defaultValue()));
            }
        }
        if (expected.mode() == Mode.EXACT) {
            for (Column column : actual.columns().values()) {
                if (!expected.columns().containsKey(column.name())) {
                    out.add(new Violation(UNEXPECTED_COLUMN, actual.name(), column.name(), null, column.type()));
                }
            }
        }
    }

    private static String nullability(boolean nullable) {
        return nullable ? "nullable" : "not null";
    }

    /**
     * The primary key: compared when declared. {@code primaryKey: []} declares "none", which an
     * exact table must then honour; a required table has nothing listed that must exist.
     */
    private static void primaryKey(TableContract expected, Table actual, List<Violation> out) {
        if (expected.primaryKey() == null) {
            return;
        }
        String found = actual.primaryKey() == null ? null : cols(actual.primaryKey().columns());
        if (expected.primaryKey().isEmpty()) {
            if (found != null && expected.mode() == Mode.EXACT) {
                out.add(new Violation(UNEXPECTED_PRIMARY_KEY, actual.name(), actual.primaryKey().name(), null, found));
            }
            return;
        }
        String wanted = cols(expected.primaryKey());
        if (found == null) {
            out.add(new Violation(MISSING_PRIMARY_KEY, actual.name(), actual.name(), wanted, null));
        } else if (!wanted.equals(found)) {
            out.add(new Violation(WRONG_PRIMARY_KEY, actual.name(), actual.primaryKey().name(), wanted, found));
        }
    }

    /** Whether the table is compared exactly for a kind: an exact table that declares it. */
    private static boolean exactly(TableContract expected, List<?> declared) {
        return expected.mode() == Mode.EXACT && declared != null;
    }

    private static void foreignKeys(TableContract expected, Table actual, List<Violation> out) {
        Set<String> matched = new HashSet<>();
        for (ForeignKeyContract fk : expected.foreignKeysOrNone()) {
            ForeignKey hit = actual.foreignKeys().values().stream()
                    .filter(f -> f.columns().equals(fk.columns())
                            && f.referencedTable().equals(fk.referencedTable())
                            && f.referencedColumns().equals(fk.referencedColumns())
                            && (fk.onDelete() == null || fk.onDelete().equals(f.onDelete())))
                    .findFirst().orElse(null);
            if (hit == null) {
                out.add(new Violation(MISSING_FOREIGN_KEY, actual.name(), fk.describe(),
                        fk.onDelete() == null ? null : "on delete " + fk.onDelete().toLowerCase(), null));
            } else {
                matched.add(hit.name());
            }
        }
        if (exactly(expected, expected.foreignKeys())) {
            actual.foreignKeys().values().stream().filter(f -> !matched.contains(f.name())).forEach(f ->
                    out.add(new Violation(UNEXPECTED_FOREIGN_KEY, actual.name(), f.name(), null,
                            cols(f.columns()) + " -> " + f.referencedTable() + cols(f.referencedColumns()))));
        }
    }

    private static void uniqueConstraints(TableContract expected, Table actual, List<Violation> out) {
        Set<String> matched = new HashSet<>();
        for (UniqueContract unique : expected.uniqueConstraintsOrNone()) {
            UniqueConstraint hit = actual.uniqueConstraints().values().stream()
                    .filter(u -> u.columns().equals(unique.columns())
                            && (unique.name() == null || unique.name().equals(u.name())))
                    .findFirst().orElse(null);
            if (hit == null) {
                out.add(new Violation(MISSING_UNIQUE_CONSTRAINT, actual.name(), unique.describe(), null, null));
            } else {
                matched.add(hit.name());
            }
        }
        if (exactly(expected, expected.uniqueConstraints())) {
            actual.uniqueConstraints().values().stream().filter(u -> !matched.contains(u.name())).forEach(u ->
                    out.add(new Violation(UNEXPECTED_UNIQUE_CONSTRAINT, actual.name(), u.name(), null,
                            cols(u.columns()))));
        }
    }

    /** Indexes; those that back the primary key or a unique constraint are never unexpected. */
    private static void indexes(TableContract expected, Table actual, List<Violation> out) {
        Set<String> matched = new HashSet<>();
        if (actual.primaryKey() != null) {
            matched.add(actual.primaryKey().name());
        }
        actual.uniqueConstraints().values().stream().map(UniqueConstraint::name).forEach(matched::add);
        for (IndexContract ix : expected.indexesOrNone()) {
            Index hit = actual.indexes().values().stream()
                    .filter(i -> i.columns().equals(ix.columns())
                            && (ix.name() == null || ix.name().equals(i.name()))
                            && (ix.unique() == null || ix.unique() == i.unique()))
                    .findFirst().orElse(null);
            if (hit == null) {
                out.add(new Violation(MISSING_INDEX, actual.name(), ix.describe(), null, null));
            } else {
                matched.add(hit.name());
            }
        }
        if (exactly(expected, expected.indexes())) {
            actual.indexes().values().stream().filter(i -> !matched.contains(i.name())).forEach(i ->
                    out.add(new Violation(UNEXPECTED_INDEX, actual.name(), i.name(), null,
                            cols(i.columns()) + (i.unique() ? " unique" : ""))));
        }
    }

    private static String cols(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }
}
