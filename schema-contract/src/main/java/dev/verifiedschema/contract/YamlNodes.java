package dev.verifiedschema.contract;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to YAML nodes that records a located problem instead of failing on the first one. */
final class YamlNodes {
    private final String source;
    private final List<ContractProblem> problems = new ArrayList<>();

    YamlNodes(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    List<ContractProblem> problems() {
        problems.sort(Comparator.comparingInt(ContractProblem::line).thenComparingInt(ContractProblem::column));
        return problems;
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    void problem(Node node, String message) {
        int column = node.getStartMark() == null ? 0 : node.getStartMark().getColumn() + 1;
        problems.add(new ContractProblem(source, line(node), column, message));
    }

    /** A problem found after parsing, located by line only. */
    void problemAt(int line, String message) {
        problems.add(new ContractProblem(source, line, 1, message));
    }

    boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    boolean expect(Node node, Class<? extends Node> type, String what, String expected) {
        if (type.isInstance(node)) {
            return true;
        }
        problem(node, what + " must be " + expected + ", but it is " + describe(node));
        return false;
    }

    /** The keys of a mapping; unknown keys are reported with the nearest known key. */
    Map<String, Node> mapping(Node node, String what, List<String> allowed) {
        if (!expect(node, MappingNode.class, what, "a mapping with keys " + String.join(", ", allowed))) {
            return null;
        }
        Map<String, Node> result = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                problem(tuple.getKeyNode(), "a key of " + what + " must be a plain word");
            } else if (!allowed.contains(key)) {
                String nearest = nearest(key, allowed);
                problem(tuple.getKeyNode(), "unknown key '" + key + "' in " + what
                        + (nearest == null ? "." : "; did you mean '" + nearest + "'?")
                        + " Allowed keys: " + String.join(", ", allowed));
            } else if (result.putIfAbsent(key, tuple.getValueNode()) != null) {
                problem(tuple.getKeyNode(), "the key '" + key + "' appears twice in " + what);
            }
        }
        return result;
    }

    String scalar(Node node, String what) {
        if (node instanceof ScalarNode s && !isNull(node)) {
            return s.getValue();
        }
        problem(node, what + " must be a single value, but it is " + describe(node));
        return null;
    }

    Boolean bool(Node node, String what) {
        String value = scalar(node, what);
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        problem(node, what + " must be true or false, but it is '" + value + "'");
        return null;
    }

    String identifier(Node node, String what) {
        String written = scalar(node, what);
        if (written == null) {
            return null;
        }
        try {
            return Identifiers.fold(written);
        } catch (IllegalArgumentException e) {
            problem(node, what + ": " + e.getMessage());
            return null;
        }
    }

    /** A list of strings; a single value counts as a list of one. */
    List<String> strings(Node node, String what) {
        return list(node, what, this::scalar);
    }

    /** A list of identifiers, folded; a single value counts as a list of one. */
    List<String> identifiers(Node node, String what) {
        return list(node, what, this::identifier);
    }

    private List<String> list(Node node, String what, java.util.function.BiFunction<Node, String, String> read) {
        List<String> values = new ArrayList<>();
        for (Node item : node instanceof SequenceNode seq ? seq.getValue() : List.of(node)) {
            String value = read.apply(item, "an entry of " + what);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** The items of an optional list; absent means none. */
    List<Node> items(Node node, String what) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        return expect(node, SequenceNode.class, what, "a list") ? ((SequenceNode) node).getValue() : List.of();
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? "'" + s.getValue() + "'" : "empty";
    }

    static String nearest(String key, List<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int d = distance(key.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
