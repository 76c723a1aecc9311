package dev.verifiedschema.contract;

import dev.verifiedschema.contract.DesignLintSettings.Severity;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a contract's {@code designLint:} section, every problem at its line. */
final class DesignLintReader {
    private static final List<String> KEYS = List.of("failOn", "exclude", "rules", "sql");
    private static final List<String> SQL_KEYS = List.of("name", "severity", "message", "table", "schema");
    private static final String SEVERITIES = "low, medium, high or critical";

    private final YamlNodes nodes;

    DesignLintReader(YamlNodes nodes) {
        this.nodes = nodes;
    }

    /** The settings the node gives: {@code off}, {@code on}, or a mapping of the keys above. */
    DesignLintSettings read(Node node) {
        if (node instanceof ScalarNode s && !nodes.isNull(node)) {
            return switch (s.getValue().strip().toLowerCase(java.util.Locale.ROOT)) {
                case "off", "false" -> DesignLintSettings.OFF;
                case "on", "true" -> DesignLintSettings.DEFAULT;
                default -> {
                    nodes.problem(node, "designLint must be on, off, or a mapping (failOn, exclude, rules, sql), but it is '"
                            + s.getValue() + "'");
                    yield null;
                }
            };
        }
        Map<String, Node> keys = nodes.isNull(node) ? Map.of() : nodes.mapping(node, "designLint", KEYS);
        if (keys == null) {
            return null;
        }
        DesignLintSettings settings = DesignLintSettings.DEFAULT;
        if (keys.containsKey("failOn")) {
            String written = nodes.scalar(keys.get("failOn"), "designLint.failOn");
            if (written != null && !written.strip().equalsIgnoreCase("none")) {
                Optional<Severity> severity = Severity.named(written);
                if (severity.isEmpty()) {
                    nodes.problem(keys.get("failOn"), "designLint.failOn must be none, " + SEVERITIES + ", but it is '"
                            + written + "'");
                }
                settings = settings.withFailOn(severity.orElse(null));
            }
        }
        if (keys.containsKey("exclude")) {
            for (String glob : nodes.strings(keys.get("exclude"), "designLint.exclude")) {
                if (glob.isBlank()) {
                    nodes.problem(keys.get("exclude"), "an empty glob in designLint.exclude matches no table; remove it");
                } else {
                    settings = settings.withExclude(glob.strip());
                }
            }
        }
        if (keys.containsKey("rules")) {
            settings = rules(keys.get("rules"), settings);
        }
        for (Node item : nodes.items(keys.get("sql"), "designLint.sql")) {
            DesignLintSettings.SqlRule rule = sqlRule(item);
            if (rule != null) {
                settings = settings.withSqlRule(rule);
            }
        }
        return settings;
    }

    private DesignLintSettings rules(Node node, DesignLintSettings settings) {
        if (!nodes.expect(node, MappingNode.class, "designLint.rules", "a mapping of rule name to a severity or off")) {
            return settings;
        }
        List<String> names = DesignLintSettings.RULES.stream().map(DesignLintSettings.Rule::name).toList();
        for (NodeTuple entry : ((MappingNode) node).getValue()) {
            String name = nodes.scalar(entry.getKeyNode(), "a rule name in designLint.rules");
            if (name == null) {
                continue;
            }
            if (!names.contains(name)) {
                String nearest = YamlNodes.nearest(name, names);
                nodes.problem(entry.getKeyNode(), "unknown design lint rule '" + name + "'"
                        + (nearest == null ? "" : " (did you mean '" + nearest + "'?)") + "; docs/design-lint.md lists the rules");
                continue;
            }
            String value = nodes.scalar(entry.getValueNode(), "designLint.rules." + name);
            if (value == null) {
                continue;
            }
            if (value.strip().equalsIgnoreCase("off") || value.strip().equalsIgnoreCase("false")) {
                settings = settings.withRule(name, Optional.empty());
            } else if (value.strip().equalsIgnoreCase("on") || value.strip().equalsIgnoreCase("true")) {
                settings = settings.withRule(name, Optional.of(DesignLintSettings.rule(name).orElseThrow().severity()));
            } else {
                Optional<Severity> severity = Severity.named(value);
                if (severity.isEmpty()) {
                    nodes.problem(entry.getValueNode(), "designLint.rules." + name + " must be off, on, " + SEVERITIES
                            + ", but it is '" + value + "'");
                } else {
                    settings = settings.withRule(name, severity);
                }
            }
        }
        return settings;
    }

    private DesignLintSettings.SqlRule sqlRule(Node item) {
        Map<String, Node> keys = nodes.mapping(item, "a rule of designLint.sql", SQL_KEYS);
        if (keys == null) {
            return null;
        }
        String name = keys.containsKey("name") ? nodes.scalar(keys.get("name"), "designLint.sql name") : null;
        if (name == null || name.isBlank()) {
            nodes.problem(item, "a rule of designLint.sql needs a name (it names the rule's findings)");
            return null;
        }
        Severity severity = Severity.MEDIUM;
        if (keys.containsKey("severity")) {
            String written = nodes.scalar(keys.get("severity"), "the severity of designLint.sql rule " + name);
            Optional<Severity> named = Severity.named(written);
            if (named.isEmpty()) {
                nodes.problem(keys.get("severity"), "the severity of designLint.sql rule " + name + " must be " + SEVERITIES
                        + ", but it is '" + written + "'");
                return null;
            }
            severity = named.get();
        }
        String message = keys.containsKey("message") ? nodes.scalar(keys.get("message"), "the message of " + name) : null;
        if (message == null || message.isBlank()) {
            nodes.problem(item, "designLint.sql rule " + name + " needs a message: the sentence its findings read");
            return null;
        }
        boolean perTable = keys.containsKey("table");
        if (perTable == keys.containsKey("schema")) {
            nodes.problem(item, "designLint.sql rule " + name + " needs exactly one of table: (a query run for each table,"
                    + " ${table} standing for its name) or schema: (a query run once)");
            return null;
        }
        String sql = nodes.scalar(keys.get(perTable ? "table" : "schema"), "the query of " + name);
        if (sql == null || sql.isBlank()) {
            nodes.problem(keys.get(perTable ? "table" : "schema"), "designLint.sql rule " + name + " has an empty query;"
                    + " write the query that returns a row when the schema breaks the rule");
            return null;
        }
        return new DesignLintSettings.SqlRule(name.strip(), severity, message.strip(), sql.strip(), perTable);
    }
}
