package dev.verifiedschema.crawler;

import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.ForeignKey;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.TableConstraintColumn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The toolkit's reading of a schema checked against an independent one: SchemaCrawler through
 * pgjdbc's own {@code DatabaseMetaData} (none of the toolkit's catalog SQL), on what both can say:
 * the tables, each column's type and nullability, the primary keys, the foreign keys and the indexes
 * on plain columns. A difference is a fault of one of the two readers, reported with both readings.
 * See {@code docs/design-lint.md} ("The cross-check").
 */
public final class CrossCheck {
    /** format_type's spellings of the built-in types that JDBC's metadata names by their typname. */
    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(
            Map.entry("bigint", "int8"), Map.entry("integer", "int4"), Map.entry("smallint", "int2"),
            Map.entry("boolean", "bool"), Map.entry("character varying", "varchar"), Map.entry("character", "bpchar"),
            Map.entry("double precision", "float8"), Map.entry("real", "float4"),
            Map.entry("timestamp with time zone", "timestamptz"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("time with time zone", "timetz"), Map.entry("time without time zone", "time"),
            Map.entry("bit varying", "varbit"), Map.entry("bigserial", "int8"), Map.entry("serial", "int4"),
            Map.entry("smallserial", "int2"), Map.entry("\"char\"", "char"));
    private static final Pattern MODIFIERS = Pattern.compile("\\(\\d+(,\\s*\\d+)?\\)");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CrossCheck.class);

    private CrossCheck() {
    }

    /**
     * Reads the schema through JDBC's metadata and compares it with the toolkit's snapshot of it.
     *
     * @param connection a connection of the check's own, switched to read-only transactions and left open
     * @param ours       the toolkit's snapshot of the schema, read on the same database state
     * @return one line per difference, {@code - ...} for what only the toolkit read and {@code + ...} for
     *         what only JDBC's metadata did; empty when the two agree
     * @throws SchemaReadException when the schema cannot be read
     */
    public static List<String> compare(Connection connection, SchemaSnapshot ours) {
        Catalog catalog;
        try (SchemaCrawlerLog log = new SchemaCrawlerLog()) {
            try {
                DesignLint.readOnly(connection);
                catalog = DesignLint.crawl(connection, ours.schema(), DesignLintSettings.DEFAULT, false);
            } catch (SQLException | RuntimeException e) {
                throw new SchemaReadException("The cross-check could not read schema " + ours.schema()
                        + " through JDBC's metadata: " + DesignLint.rootMessage(e), e);
            }
            log.throwIfAny("The cross-check of schema " + ours.schema(), "reading it through JDBC's metadata");
        }
        TreeSet<String> toolkit = lines(ours);
        TreeSet<String> jdbc = lines(catalog);
        List<String> differences = new ArrayList<>();
        toolkit.stream().filter(l -> !jdbc.contains(l)).forEach(l -> differences.add("- " + l));
        jdbc.stream().filter(l -> !toolkit.contains(l)).forEach(l -> differences.add("+ " + l));
        LOG.info("cross-check of schema {}: the toolkit's reading and JDBC's metadata agree on {} of {} tables, columns, "
                + "keys and indexes", ours.schema(), toolkit.stream().filter(jdbc::contains).count(),
                toolkit.size() + jdbc.stream().filter(l -> !toolkit.contains(l)).count());
        return differences;
    }

    /** The toolkit's snapshot, as lines both readers can give. */
    static TreeSet<String> lines(SchemaSnapshot snapshot) {
        TreeSet<String> lines = new TreeSet<>();
        for (Table table : snapshot.tables().values()) {
            if (table.name().equals("flyway_schema_history")) {
                continue;
            }
            lines.add("table " + table.name());
            for (Column c : table.columns().values()) {
                lines.add("column " + table.name() + "." + c.name() + " " + typeName(c.type())
                        + (c.nullable() ? " null" : " not null"));
            }
            if (table.primaryKey() != null) {
                lines.add("primary key " + table.name() + " " + table.primaryKey().columns());
            }
            for (ForeignKey fk : table.foreignKeys().values()) {
                lines.add("foreign key " + table.name() + "." + fk.name() + " " + fk.columns() + " -> "
                        + unqualified(fk.referencedTable()) + " " + fk.referencedColumns());
            }
            for (Index index : table.indexes().values()) {
                if (index.predicate() == null && table.columns().keySet().containsAll(index.columns())) {
                    lines.add("index " + table.name() + "." + index.name() + (index.unique() ? " unique " : " ")
                            + index.columns());
                }
            }
        }
        return lines;
    }

    /** SchemaCrawler's catalog, read through JDBC's metadata, as the same lines. */
    static TreeSet<String> lines(Catalog catalog) {
        TreeSet<String> lines = new TreeSet<>();
        for (schemacrawler.schema.Table table : catalog.getTables()) {
            String name = table.getName();
            lines.add("table " + name);
            for (schemacrawler.schema.Column c : table.getColumns()) {
                lines.add("column " + name + "." + c.getName() + " " + typeName(c.getColumnDataType().getName())
                        + (c.isNullable() ? " null" : " not null"));
            }
            if (table.hasPrimaryKey()) {
                lines.add("primary key " + name + " " + table.getPrimaryKey().getConstrainedColumns().stream()
                        .map(TableConstraintColumn::getName).toList());
            }
            for (schemacrawler.schema.ForeignKey fk : table.getImportedForeignKeys()) {
                List<String> from = new ArrayList<>();
                List<String> to = new ArrayList<>();
                for (ColumnReference reference : fk) {
                    from.add(reference.getForeignKeyColumn().getName());
                    to.add(reference.getPrimaryKeyColumn().getName());
                }
                lines.add("foreign key " + name + "." + fk.getName() + " " + from + " -> "
                        + fk.getPrimaryKeyTable().getName() + " " + to);
            }
            for (schemacrawler.schema.Index index : table.getIndexes()) {
                List<String> columns = index.getColumns().stream().map(schemacrawler.schema.IndexColumn::getName).toList();
                boolean plain = index.getColumns().stream().allMatch(c -> table.getColumns().stream()
                        .anyMatch(tc -> tc.getName().equals(c.getName())));
                if (plain && !index.hasDefinition()) {
                    lines.add("index " + name + "." + index.getName() + (index.isUnique() ? " unique " : " ") + columns);
                }
            }
        }
        return lines;
    }

    /** A type's name as pg_type has it: {@code character varying(100)} and {@code varchar} are both {@code varchar}. */
    static String typeName(String type) {
        String t = MODIFIERS.matcher(type.strip()).replaceAll("").replaceAll("\\s+", " ").strip();
        boolean array = false;
        while (t.endsWith("[]")) {
            t = t.substring(0, t.length() - 2).strip();
            array = true;
        }
        if (t.startsWith("_")) {
            t = t.substring(1);
            array = true;
        }
        t = unqualified(t);
        t = TYPE_NAMES.getOrDefault(t.toLowerCase(Locale.ROOT), t);
        return (array ? "_" : "") + t.replace("\"", "");
    }

    private static String unqualified(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
