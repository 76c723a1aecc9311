package dev.verifiedschema.report;

import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.ColumnContract;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ForeignKeyContract;
import dev.verifiedschema.contract.IndexContract;
import dev.verifiedschema.contract.TableContract;
import dev.verifiedschema.contract.UniqueContract;
import dev.verifiedschema.snapshot.SchemaSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.verifiedschema.contract.Identifiers.quote;

/**
 * Writes SQL that repairs what can be repaired additively, as the TalentAI runbook does by hand:
 * {@code ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_updated_at timestamp without time zone;},
 * {@code CREATE TABLE IF NOT EXISTS ...}, {@code CREATE INDEX IF NOT EXISTS ...}. Destructive or
 * rewriting fixes (type changes, drops) are only written as commented-out suggestions. Every
 * identifier is quoted where it needs to be, so a name from a contract can never break out of its
 * statement; defaults that are not plain literals are left for a person to write.
 *
 * <p>Where the contract gives no type (or no nullability or default) for a column it needs, a
 * reference snapshot of what the migrations build at head fills them in:
 * {@code generate(contract, violations, head)}. Without one such a column gets a comment instead
 * of a line. A {@code NOT NULL} column is added {@code NOT NULL} only together with a plain default,
 * which PostgreSQL writes into the existing rows; without one, {@code ADD COLUMN ... NOT NULL} fails
 * on a table that has rows, so the column is added nullable with a follow-up comment.
 */
public final class RemediationSql {
    private static final Pattern SAFE_DEFAULT = Pattern.compile(
            "(?i)(-?\\d+(\\.\\d+)?|'([^']|'')*'|true|false|null|now\\(\\)|current_timestamp|current_date|"
                    + "localtimestamp|gen_random_uuid\\(\\))(::[a-z][a-z ]*(\\(\\d+(,\\d+)?\\))?)?");

    private RemediationSql() {
    }

    /** The SQL script for these violations of this contract; empty when nothing needs repair. */
    public static String generate(Contract contract, List<Violation> violations) {
        return generate(contract, violations, null);
    }

    /**
     * The SQL script for these violations of this contract, with what the contract leaves out of a
     * missing column (type, nullability, default) taken from the reference.
     *
     * @param reference a snapshot of the contract's schema as the migrations build it at head, or
     *                  {@code null} when there is none
     */
    public static String generate(Contract contract, List<Violation> violations, SchemaSnapshot reference) {
        ReferenceColumns columns = new ReferenceColumns(reference);
        List<String> lines = new ArrayList<>();
        for (Violation v : violations) {
            TableContract table = contract.tables().get(v.table());
            String t = qualified(contract, v.table());
            switch (v.kind()) {
                case MISSING_TABLE -> lines.addAll(createTable(contract, table, columns));
                case MISSING_COLUMN -> lines.addAll(addColumn(t, columns.of(table.name(), table.columns()
                        .get(v.object())), reference != null));
                case MISSING_UNIQUE_CONSTRAINT -> table.uniqueConstraintsOrNone().stream()
                        .filter(u -> u.describe().equals(v.object()))
                        .findFirst().ifPresent(u -> lines.add(addUnique(t, table.name(), u)));
                case MISSING_INDEX -> table.indexesOrNone().stream().filter(i -> i.describe().equals(v.object()))
                        .findFirst().ifPresent(i -> lines.add(createIndex(contract, table.name(), i)));
                case MISSING_FOREIGN_KEY -> table.foreignKeysOrNone().stream()
                        .filter(f -> f.describe().equals(v.object()))
                        .findFirst().ifPresent(f -> lines.add(addForeignKey(contract, t, f)));
                case MISSING_PRIMARY_KEY -> lines.add("ALTER TABLE " + t + " ADD PRIMARY KEY ("
                        + columns(table.primaryKey()) + ");");
                case WRONG_TYPE -> lines.add("-- rewrites the table and may fail on existing data; check first:\n"
                        + "-- ALTER TABLE " + t + " ALTER COLUMN " + quote(v.object()) + " TYPE " + v.expected() + ";");
                case WRONG_NULLABILITY -> lines.add("-- ALTER TABLE " + t + " ALTER COLUMN " + quote(v.object())
                        + ("not null".equals(v.expected()) ? " SET NOT NULL;" : " DROP NOT NULL;"));
                case WRONG_DEFAULT -> lines.add(setDefault(t, v));
                case UNEXPECTED_COLUMN -> lines.add("-- destroys data; only if the column is truly unused:\n"
                        + "-- ALTER TABLE " + t + " DROP COLUMN " + quote(v.object()) + ";");
                case UNDECLARED_TABLE -> lines.add("-- destroys data; only if the table is truly unused:\n"
                        + "-- DROP TABLE " + t + ";");
                case UNEXPECTED_INDEX -> lines.add("-- DROP INDEX " + qualified(contract, v.object()) + ";");
                case UNEXPECTED_FOREIGN_KEY, UNEXPECTED_PRIMARY_KEY, UNEXPECTED_UNIQUE_CONSTRAINT -> lines.add(
                        "-- ALTER TABLE " + t + " DROP CONSTRAINT " + quote(v.object()) + ";");
                case WRONG_PRIMARY_KEY -> lines.add("-- ALTER TABLE " + t + " DROP CONSTRAINT " + quote(v.object())
                        + ", ADD PRIMARY KEY (" + columns(table.primaryKey()) + ");");
            }
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static List<String> createTable(Contract contract, TableContract table, ReferenceColumns reference) {
        List<String> parts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ReferenceColumns.Planned p : reference.allOf(table)) {
            ColumnContract c = p.column();
            if (c.type() == null) {
                notes.add("-- column " + quote(c.name()) + " of " + quote(table.name()) + ": "
                        + noType(reference.given()));
            } else {
                parts.add("    " + quote(c.name()) + " " + columnType(p) + constraints(p, true));
            }
        }
        List<String> primaryKey = table.primaryKey() != null ? table.primaryKey() : reference.primaryKey(table.name());
        if (primaryKey != null && !primaryKey.isEmpty()) {
            parts.add("    PRIMARY KEY (" + columns(primaryKey) + ")");
        }
        for (UniqueContract u : table.uniqueConstraintsOrNone()) {
            parts.add("    " + (u.name() == null ? "" : "CONSTRAINT " + quote(u.name()) + " ") + "UNIQUE ("
                    + columns(u.columns()) + ")");
        }
        for (ForeignKeyContract fk : table.foreignKeysOrNone()) {
            parts.add("    FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES " + qualified(contract,
                    fk.referencedTable()) + " (" + columns(fk.referencedColumns()) + ")" + onDelete(fk));
        }
        List<String> out = new ArrayList<>(notes);
        if (parts.isEmpty()) {
            out.add("-- table " + quote(table.name()) + ": the contract gives no column types; create it by hand");
            return out;
        }
        out.add("CREATE TABLE IF NOT EXISTS " + qualified(contract, table.name()) + " (\n"
                + String.join(",\n", parts) + "\n);");
        table.indexesOrNone().forEach(i -> out.add(createIndex(contract, table.name(), i)));
        return out;
    }

    private static String noType(boolean withReference) {
        return withReference
                ? "neither the contract nor the migrations at head give a type; add it by hand"
                : "the contract gives no type; add it by hand, declare its type in the contract, or give the "
                + "migrations (check --migrations DIR; SchemaHealthCheck.withTypesFrom)";
    }

    private static List<String> addColumn(String table, ReferenceColumns.Planned p, boolean withReference) {
        ColumnContract c = p.column();
        if (c.type() == null) {
            return List.of("-- column " + quote(c.name()) + " of " + table + ": " + noType(withReference));
        }
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + quote(c.name()) + " " + columnType(p)
                + constraints(p, false) + ";");
        if (p.identity() == null && !c.serial() && Boolean.FALSE.equals(c.nullable()) && safeDefault(c) == null) {
            out.add("-- added without NOT NULL: with no default, ADD COLUMN ... NOT NULL fails on a table that has "
                    + "rows; fill " + table + "." + quote(c.name()) + ", then run: ALTER TABLE " + table
                    + " ALTER COLUMN " + quote(c.name()) + " SET NOT NULL;");
        }
        if (p.identity() == null && c.defaultValue() != null && safeDefault(c) == null) {
            out.add("-- set the default of " + table + "." + quote(c.name()) + " by hand: "
                    + c.defaultValue().replaceAll("[\\r\\n]+", " "));
        }
        return out;
    }

    /** The type; an identity column of the reference is added as one (PostgreSQL numbers the existing rows). */
    private static String columnType(ReferenceColumns.Planned p) {
        ColumnContract c = p.column();
        if (p.identity() != null) {
            return c.type() + " GENERATED " + p.identity() + " AS IDENTITY";
        }
        if (c.serial()) {
            return switch (c.type()) {
                case "bigint" -> "bigserial";
                case "smallint" -> "smallserial";
                default -> "serial";
            };
        }
        return c.type();
    }

    /** DEFAULT and NOT NULL; NOT NULL on an existing table only together with a default. */
    private static String constraints(ReferenceColumns.Planned p, boolean newTable) {
        ColumnContract c = p.column();
        if (p.identity() != null) {
            return "";
        }
        String def = safeDefault(c);
        boolean notNull = Boolean.FALSE.equals(c.nullable()) && (newTable || def != null);
        return (def == null ? "" : " DEFAULT " + def) + (notNull ? " NOT NULL" : "");
    }

    private static String safeDefault(ColumnContract c) {
        return c.defaultValue() != null && SAFE_DEFAULT.matcher(c.defaultValue().strip()).matches()
                ? c.defaultValue().strip() : null;
    }

    private static String setDefault(String table, Violation v) {
        String expected = v.expected() == null ? "" : v.expected().replaceAll("[\\r\\n]+", " ");
        return "-- ALTER TABLE " + table + " ALTER COLUMN " + quote(v.object()) + " SET DEFAULT " + expected + ";";
    }

    private static String createIndex(Contract contract, String table, IndexContract ix) {
        String name = ix.name() != null ? ix.name() : generatedName(table, ix.columns(), "idx");
        return "CREATE " + (Boolean.TRUE.equals(ix.unique()) ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + quote(name)
                + " ON " + qualified(contract, table) + " (" + columns(ix.columns()) + ");";
    }

    /** ADD CONSTRAINT has no IF NOT EXISTS, and fails while rows repeat: the comment says how to find them. */
    private static String addUnique(String table, String tableName, UniqueContract u) {
        String name = u.name() != null ? u.name() : generatedName(tableName, u.columns(), "key");
        String cols = columns(u.columns());
        return "-- fails while rows repeat (" + cols + "); find them with: SELECT " + cols + ", count(*) FROM "
                + table + " GROUP BY " + cols + " HAVING count(*) > 1;\n"
                + "ALTER TABLE " + table + " ADD CONSTRAINT " + quote(name) + " UNIQUE (" + cols + ");";
    }

    private static String addForeignKey(Contract contract, String table, ForeignKeyContract fk) {
        return "ALTER TABLE " + table + " ADD FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES "
                + qualified(contract, fk.referencedTable()) + " (" + columns(fk.referencedColumns()) + ")"
                + onDelete(fk) + ";";
    }

    private static String onDelete(ForeignKeyContract fk) {
        return fk.onDelete() == null ? "" : " ON DELETE " + fk.onDelete();
    }

    private static String generatedName(String table, List<String> columns, String suffix) {
        String name = table + "_" + String.join("_", columns) + "_" + suffix;
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    private static String columns(List<String> columns) {
        return columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "));
    }

    private static String qualified(Contract contract, String name) {
        if (name.contains(".") && !name.startsWith("\"")) {
            String[] parts = name.split("\\.", 2);
            return quote(parts[0]) + "." + quote(parts[1]);
        }
        return "public".equals(contract.schema()) ? quote(name) : quote(contract.schema()) + "." + quote(name);
    }
}
