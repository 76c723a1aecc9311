package dev.verifiedschema.report;

import dev.verifiedschema.contract.ColumnContract;
import dev.verifiedschema.contract.TableContract;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Completes the columns of a contract from a reference snapshot of the schema at head: what the
 * contract says wins, what it leaves out (type, nullability, default) comes from the column the
 * migrations build. Without a reference the contract's columns are taken as they are.
 */
final class ReferenceColumns {
    /**
     * A column as remediation writes it.
     *
     * @param column   the contract's column, completed from the reference
     * @param identity {@code ALWAYS} or {@code BY DEFAULT} when the reference makes it an identity
     *                 column and the contract gives no type of its own, else {@code null}
     */
    record Planned(ColumnContract column, String identity) {
    }

    private static final Pattern SERIAL_DEFAULT = Pattern.compile("nextval\\('([^']|'')+'::regclass\\)");

    private final SchemaSnapshot reference;

    ReferenceColumns(SchemaSnapshot reference) {
        this.reference = reference;
    }

    /** Whether there is a reference at all. */
    boolean given() {
        return reference != null;
    }

    /** The column of the contract's table, completed. */
    Planned of(String table, ColumnContract column) {
        Column head = reference == null ? null
                : reference.table(table).flatMap(t -> t.column(column.name())).orElse(null);
        if (head == null) {
            return new Planned(column, null);
        }
        boolean fromHead = column.type() == null;
        boolean serial = fromHead ? isSerial(head) : column.serial();
        String headDefault = serial ? null : head.defaultValue();
        ColumnContract completed = new ColumnContract(column.name(),
                fromHead ? head.type() : column.type(),
                serial,
                column.nullable() != null ? column.nullable() : Boolean.valueOf(head.nullable()),
                column.defaultValue() != null ? column.defaultValue()
                        : fromHead || head.type().equals(column.type()) ? headDefault : null,
                column.line());
        return new Planned(completed, fromHead ? head.identity() : null);
    }

    /** A serial column at head: an integer whose default draws from a sequence; added as serial, it gets one. */
    private static boolean isSerial(Column head) {
        return head.identity() == null && head.defaultValue() != null
                && SERIAL_DEFAULT.matcher(head.defaultValue()).matches() && List.of("integer", "bigint", "smallint").contains(head.type());
    }

    /**
     * Every column of a missing table: the contract's, completed; when the contract lists none, every
     * column the migrations give the table.
     */
    List<Planned> allOf(TableContract table) {
        Table head = reference == null ? null : reference.table(table.name()).orElse(null);
        if (table.columns().isEmpty() && head != null) {
            return head.columns().values().stream()
                    .map(c -> of(table.name(), ColumnContract.named(c.name()))).toList();
        }
        return table.columns().values().stream().map(c -> of(table.name(), c)).toList();
    }

    /** The primary key columns the migrations give the table, or {@code null}. */
    List<String> primaryKey(String table) {
        return reference == null ? null : reference.table(table)
                .map(t -> t.primaryKey() == null ? null : t.primaryKey().columns()).orElse(null);
    }
}
