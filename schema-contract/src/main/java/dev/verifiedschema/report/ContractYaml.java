package dev.verifiedschema.report;

import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.ForeignKey;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;
import dev.verifiedschema.snapshot.UniqueConstraint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Writes a contract that a snapshot honours exactly: every table in mode {@code exact} with every
 * column's type, nullability and default, its primary key, foreign keys, unique constraints and
 * indexes, each kind declared even when the table has none ({@code indexes: []}), so that the
 * contract pins all of them. Bootstrap a contract with it, then trim it by hand (drop what the
 * application does not need, leave out a kind it does not care about, relax shared tables to
 * {@code required}).
 */
public final class ContractYaml {
    private ContractYaml() {
    }

    /** The contract for the tables of the snapshot that the filter accepts. */
    public static String of(SchemaSnapshot snapshot, Predicate<String> tables) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Contract generated from a snapshot of schema ").append(snapshot.schema())
                .append(". Trim it: keep what the application needs;\n# use mode: required for tables shared with "
                        + "other applications.\n");
        yaml.append("schema: ").append(name(snapshot.schema())).append('\n');
        int header = yaml.length();
        yaml.append("tables:\n");
        java.util.Map<String, java.util.Set<String>> referenced = new java.util.TreeMap<>();
        for (Table table : snapshot.tables().values()) {
            if (tables.test(table.name())) {
                table(yaml, table);
                table.foreignKeys().values().stream().filter(fk -> !fk.referencedTable().contains(".")
                                && !tables.test(fk.referencedTable()))
                        .forEach(fk -> referenced.computeIfAbsent(fk.referencedTable(), t -> new java.util.TreeSet<>())
                                .addAll(fk.referencedColumns()));
            }
        }
        referenced.forEach((name, columns) -> yaml.append("  ").append(name(name)).append(":    # referenced by a "
                + "foreign key above\n    columns: ").append(list(List.copyOf(columns))).append('\n'));
        if (yaml.length() == header + "tables:\n".length()) {
            yaml.replace(header, yaml.length(), "tables: {}    # no table matched\n");
        }
        return yaml.toString();
    }

    private static void table(StringBuilder yaml, Table table) {
        yaml.append("  ").append(name(table.name())).append(":\n");
        yaml.append("    mode: exact\n");
        yaml.append("    columns:\n");
        for (Column c : table.columns().values()) {
            yaml.append("      ").append(name(c.name())).append(": { type: ").append(string(c.type()))
                    .append(", nullable: ").append(c.nullable());
            if (c.defaultValue() != null && c.identity() == null) {
                yaml.append(", default: ").append(string(c.defaultValue()));
            }
            yaml.append(" }\n");
        }
        yaml.append("    primaryKey: ").append(table.primaryKey() == null ? "[]    # none"
                : list(table.primaryKey().columns())).append('\n');
        yaml.append("    foreignKeys:").append(table.foreignKeys().isEmpty() ? " []\n" : "\n");
        for (ForeignKey fk : table.foreignKeys().values()) {
            String target = fk.referencedTable().contains(".") ? fk.referencedTable() : sqlName(fk.referencedTable());
            yaml.append("      - { columns: ").append(list(fk.columns())).append(", references: ")
                    .append(string(target + "(" + fk.referencedColumns().stream().map(ContractYaml::sqlName)
                            .collect(Collectors.joining(", ")) + ")"))
                    .append(", onDelete: ").append(string(fk.onDelete().toLowerCase())).append(" }\n");
        }
        yaml.append("    uniqueConstraints:").append(table.uniqueConstraints().isEmpty() ? " []\n" : "\n");
        for (UniqueConstraint u : table.uniqueConstraints().values()) {
            yaml.append("      - { name: ").append(name(u.name())).append(", columns: ").append(list(u.columns()))
                    .append(" }\n");
        }
        Set<String> implied = new HashSet<>();
        if (table.primaryKey() != null) {
            implied.add(table.primaryKey().name());
        }
        implied.addAll(table.uniqueConstraints().keySet());
        List<Index> indexes = table.indexes().values().stream().filter(i -> !implied.contains(i.name())).toList();
        yaml.append("    indexes:").append(indexes.isEmpty() ? " []\n" : "\n");
        for (Index ix : indexes) {
            yaml.append("      - { name: ").append(name(ix.name())).append(", columns: ").append(list(ix.columns()))
                    .append(", unique: ").append(ix.unique()).append(" }\n");
        }
    }

    /** A name as a YAML key/value: bare when PostgreSQL would fold it to itself, else quoted for SQL and YAML. */
    private static String name(String stored) {
        return yamlSingle(sqlName(stored));
    }

    private static String sqlName(String stored) {
        return stored.matches("[a-z_][a-z0-9_$]*") ? stored : "\"" + stored.replace("\"", "\"\"") + "\"";
    }

    private static String yamlSingle(String text) {
        return text.matches("[a-z_][a-z0-9_$]*") ? text : "'" + text.replace("'", "''") + "'";
    }

    private static String list(List<String> names) {
        return names.stream().map(ContractYaml::name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String string(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
