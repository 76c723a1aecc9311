package dev.verifiedschema.contract;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Walks the YAML node tree of one contract file, collecting every problem on the way. */
final class ContractReader {
    private static final List<String> TOP_KEYS = List.of("schema", "owned", "tables", "designLint");
    private static final List<String> TABLE_KEYS = List.of("mode", "columns", "primaryKey", "foreignKeys", "indexes",
            "uniqueConstraints");
    private static final List<String> COLUMN_KEYS = List.of("type", "nullable", "default");
    private static final List<String> FK_KEYS = List.of("columns", "references", "onDelete");
    private static final List<String> INDEX_KEYS = List.of("name", "columns", "unique");
    private static final List<String> UNIQUE_KEYS = List.of("name", "columns");
    private static final Set<String> RULES = Set.of("NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT");

    private final YamlNodes nodes;

    ContractReader(String source) {
        this.nodes = new YamlNodes(source);
    }

    List<ContractProblem> problems() {
        return nodes.problems();
    }

    Contract read(Node root) {
        Map<String, Node> top = nodes.mapping(root, "the contract", TOP_KEYS);
        if (top == null) {
            return new Contract(null, List.of(), Map.of(), nodes.source());
        }
        String schema = top.containsKey("schema") ? nodes.identifier(top.get("schema"), "schema") : "public";
        List<String> owned = top.containsKey("owned") ? owned(top.get("owned")) : List.of();
        Map<String, TableContract> tables = new LinkedHashMap<>();
        Node tablesNode = top.get("tables");
        if (tablesNode == null) {
            nodes.problem(root, "the contract has no 'tables:' section; list the tables the application needs");
        } else if (nodes.expect(tablesNode, MappingNode.class, "tables", "a mapping of table name to table")) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (NodeTuple entry : ((MappingNode) tablesNode).getValue()) {
                String name = nodes.identifier(entry.getKeyNode(), "table name");
                if (name == null) {
                    continue;
                }
                int line = YamlNodes.line(entry.getKeyNode());
                Integer first = seen.putIfAbsent(name, line);
                if (first != null) {
                    nodes.problem(entry.getKeyNode(), "table " + name + " is declared twice (first on line " + first
                            + "); merge the two declarations");
                    continue;
                }
                tables.put(name, table(name, entry.getValueNode(), line));
            }
        }
        DesignLintSettings designLint = top.containsKey("designLint")
                ? new DesignLintReader(nodes).read(top.get("designLint")) : null;
        Contract contract = new Contract(schema, owned, tables, nodes.source(), designLint);
        new ReferenceCheck(nodes).check(contract);
        return contract;
    }

    /** Globs fold like the names they match: unquoted to lower case, {@code "Hm_*"} kept as written. */
    /** The {@code owned} globs, folded; an empty glob or an unclosed quote is a problem at its position. */
    private List<String> owned(Node node) {
        List<String> globs = new java.util.ArrayList<>();
        for (Node item : node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq ? seq.getValue() : List.of(node)) {
            String glob = nodes.scalar(item, "an entry of owned");
            if (glob == null) {
                continue;
            }
            String g = glob.strip();
            if (g.isEmpty() || g.equals("\"\"")) {
                nodes.problem(item, "an empty glob in owned matches no table; remove it, or write a pattern such as hm_*");
            } else if (g.startsWith("\"") != (g.length() > 1 && g.endsWith("\""))) {
                nodes.problem(item, "the glob " + g + " in owned has an unclosed double quote; write '\"Tmp*\"' to keep "
                        + "case, or Tmp* to fold it like a name");
            } else {
                globs.add(foldGlob(g));
            }
        }
        return globs;
    }

    private static String foldGlob(String glob) {
        String g = glob.strip();
        return g.length() > 1 && g.startsWith("\"") && g.endsWith("\"") ? g.substring(1, g.length() - 1)
                : g.toLowerCase(Locale.ROOT);
    }

    private TableContract table(String name, Node node, int line) {
        Map<String, Node> keys = nodes.isNull(node) ? Map.of() : nodes.mapping(node, "table " + name, TABLE_KEYS);
        if (keys == null) {
            keys = Map.of();
        }
        Mode mode = Mode.REQUIRED;
        if (keys.containsKey("mode")) {
            String written = nodes.scalar(keys.get("mode"), "mode of table " + name);
            if (written != null) {
                try {
                    mode = Mode.valueOf(written.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    nodes.problem(keys.get("mode"), "unknown mode '" + written + "' for table " + name
                            + "; allowed: required (extra columns allowed), exact (nothing more, nothing less)");
                }
            }
        }
        Map<String, ColumnContract> columns = keys.containsKey("columns") ? columns(name, keys.get("columns"))
                : Map.of();
        List<String> primaryKey = !keys.containsKey("primaryKey") ? null : nodes.isNull(keys.get("primaryKey"))
                ? List.of() : nodes.identifiers(keys.get("primaryKey"), "primaryKey of table " + name);
        List<ForeignKeyContract> fks = declared(keys, "foreignKeys", name, this::foreignKey);
        List<IndexContract> indexes = declared(keys, "indexes", name, this::index);
        List<UniqueContract> uniques = declared(keys, "uniqueConstraints", name, this::uniqueConstraint);
        return new TableContract(name, mode, columns, primaryKey, fks, indexes, uniques, line);
    }

    /**
     * The items of a list-valued table key: {@code null} when the key is absent (the kind is not
     * declared), empty for {@code []} or an empty value (declared: none). Items that cannot be read
     * are reported and left out.
     */
    private <T> List<T> declared(Map<String, Node> keys, String key, String table, BiFunction<String, Node, T> read) {
        if (!keys.containsKey(key)) {
            return null;
        }
        List<T> items = new ArrayList<>();
        for (Node item : nodes.items(keys.get(key), key + " of table " + table)) {
            T parsed = read.apply(table, item);
            if (parsed != null) {
                items.add(parsed);
            }
        }
        return items;
    }

    private IndexContract index(String table, Node index) {
        Map<String, Node> ik = nodes.mapping(index, "an index of table " + table, INDEX_KEYS);
        if (ik == null) {
            return null;
        }
        if (!ik.containsKey("columns")) {
            nodes.problem(index, "an index of table " + table + " has no 'columns:'; list the indexed columns");
            return null;
        }
        return new IndexContract(
                ik.containsKey("name") ? nodes.identifier(ik.get("name"), "index name") : null,
                nodes.identifiers(ik.get("columns"), "index columns"),
                ik.containsKey("unique") ? nodes.bool(ik.get("unique"), "unique") : null,
                YamlNodes.line(index));
    }

    private UniqueContract uniqueConstraint(String table, Node node) {
        String where = "a unique constraint of table " + table;
        Map<String, Node> keys = nodes.mapping(node, where, UNIQUE_KEYS);
        if (keys == null) {
            return null;
        }
        if (!keys.containsKey("columns")) {
            nodes.problem(node, where + " has no 'columns:'; list the constrained columns, e.g. "
                    + "{ columns: [tenant_id, email] }");
            return null;
        }
        List<String> columns = nodes.identifiers(keys.get("columns"), "columns of " + where);
        if (columns.isEmpty()) {
            nodes.problem(keys.get("columns"), "columns of " + where
                    + " is empty; a unique constraint needs at least one column");
            return null;
        }
        String constraintName = keys.containsKey("name") ? nodes.identifier(keys.get("name"), "name of " + where)
                : null;
        return new UniqueContract(constraintName, columns, YamlNodes.line(node));
    }

    private Map<String, ColumnContract> columns(String table, Node node) {
        Map<String, ColumnContract> columns = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                String name = nodes.identifier(item, "column name of table " + table);
                if (name != null && unique(seen, name, item, table)) {
                    columns.put(name, new ColumnContract(name, null, false, null, null, YamlNodes.line(item)));
                }
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple entry : map.getValue()) {
                String name = nodes.identifier(entry.getKeyNode(), "column name of table " + table);
                if (name != null && unique(seen, name, entry.getKeyNode(), table)) {
                    columns.put(name, column(table, name, entry.getValueNode(), YamlNodes.line(entry.getKeyNode())));
                }
            }
        } else {
            nodes.problem(node, "columns of table " + table + " must be a list of names ([id, email]) or a mapping "
                    + "of name to type or properties ({id: bigint})");
        }
        return columns;
    }

    private boolean unique(Map<String, Integer> seen, String name, Node node, String table) {
        Integer first = seen.putIfAbsent(name, YamlNodes.line(node));
        if (first != null) {
            nodes.problem(node, "column " + table + "." + name + " is declared twice (first on line " + first + ")");
        }
        return first == null;
    }

    private ColumnContract column(String table, String name, Node value, int line) {
        String where = "column " + table + "." + name;
        if (nodes.isNull(value)) {
            return new ColumnContract(name, null, false, null, null, line);
        }
        if (value instanceof ScalarNode) {
            String written = nodes.scalar(value, where);
            return new ColumnContract(name, type(value, written, where), TypeNames.isSerial(written), null, null, line);
        }
        Map<String, Node> keys = nodes.mapping(value, where, COLUMN_KEYS);
        if (keys == null) {
            return new ColumnContract(name, null, false, null, null, line);
        }
        String written = keys.containsKey("type") ? nodes.scalar(keys.get("type"), "type of " + where) : null;
        return new ColumnContract(name,
                written == null ? null : type(keys.get("type"), written, where),
                TypeNames.isSerial(written),
                keys.containsKey("nullable") ? nodes.bool(keys.get("nullable"), "nullable of " + where) : null,
                keys.containsKey("default") ? nodes.scalar(keys.get("default"), "default of " + where) : null,
                line);
    }

    private String type(Node node, String written, String where) {
        if (written == null) {
            return null;
        }
        try {
            return TypeNames.normalise(written);
        } catch (IllegalArgumentException e) {
            String hint = written.contains("(") && !written.contains(")")
                    ? " (quote a type that has a comma inside { }: \"numeric(12,2)\")" : "";
            nodes.problem(node, "type of " + where + ": " + e.getMessage() + hint);
            return null;
        }
    }

    private ForeignKeyContract foreignKey(String table, Node node) {
        String where = "a foreign key of table " + table;
        Map<String, Node> keys = nodes.mapping(node, where, FK_KEYS);
        if (keys == null) {
            return null;
        }
        if (!keys.containsKey("columns") || !keys.containsKey("references")) {
            nodes.problem(node, where + " needs both 'columns:' and 'references:', e.g. "
                    + "{ columns: [user_id], references: \"users(id)\" }");
            return null;
        }
        List<String> columns = nodes.identifiers(keys.get("columns"), "columns of " + where);
        String references = nodes.scalar(keys.get("references"), "references of " + where);
        TableReference ref = references == null ? null : TableReference.parse(references);
        if (references != null && ref == null) {
            nodes.problem(keys.get("references"), "references of " + where + " is '" + references
                    + "'; write it as table(column, ...), e.g. users(id)");
            return null;
        }
        String onDelete = null;
        if (keys.containsKey("onDelete")) {
            String rule = nodes.scalar(keys.get("onDelete"), "onDelete of " + where);
            onDelete = rule == null ? null : rule.toUpperCase(Locale.ROOT).replace('_', ' ');
            if (onDelete != null && !RULES.contains(onDelete)) {
                nodes.problem(keys.get("onDelete"), "onDelete of " + where + " is '" + rule
                        + "'; allowed: no action, restrict, cascade, set null, set default");
                onDelete = null;
            }
        }
        if (ref == null || columns.isEmpty()) {
            return null;
        }
        if (ref.columns().size() != columns.size()) {
            nodes.problem(node, where + " has " + columns.size() + " column(s) but references "
                    + ref.columns().size() + "; give as many referenced columns as referencing ones");
        }
        return new ForeignKeyContract(columns, ref.table(), ref.columns(), onDelete, YamlNodes.line(node));
    }
}
