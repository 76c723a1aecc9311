package dev.verifiedschema.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of one measure: one line for people ({@code P1 stairway_vs_migrate ratio=3.71 goal<=4 PASS}),
 * one {@code #} line with the medians it was computed from, and the same as JSON.
 *
 * @param id       P1 .. P7, P9, P10, P11
 * @param name     a short snake_case name
 * @param measured what was measured, e.g. {@code ratio=3.71}, or {@code servers=1 verifications=1}
 * @param goal     the goal, as text after {@code goal}: {@code <=4}, {@code >=20}, {@code =1,1}
 * @param passed   whether the goal was met
 * @param details  the medians and counts used, in order
 */
record Result(String id, String name, Map<String, Object> measured, String goal, boolean passed,
              Map<String, Object> details) {

    static Result ratio(String id, String name, double ratio, String op, double goal, Map<String, Object> details) {
        boolean ok = op.equals("<=") ? ratio <= goal : ratio >= goal;
        return new Result(id, name, details("ratio", ratio), op + fmt(goal), ok, details);
    }

    /**
     * A ratio whose goal a quick run may not reach for lack of rounds: the full goal in a full run, the
     * looser one in a quick run, and the {@code #} line then says so.
     */
    static Result ratio(String id, String name, double ratio, String op, double goal, double quickGoal, boolean quick,
                        Map<String, Object> details) {
        if (!quick || quickGoal == goal) {
            return ratio(id, name, ratio, op, goal, details);
        }
        Map<String, Object> noted = new LinkedHashMap<>(details);
        noted.put("quick_goal", "the_full_run's_goal_is_" + op + fmt(goal) + ";_a_quick_run's_few_rounds_keep_"
                + op + fmt(quickGoal));
        return ratio(id, name, ratio, op, quickGoal, noted);
    }

    /** A measure that could not run: it fails, with the reason in the details. */
    static Result error(String id, String name, Throwable e) {
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replace(' ', '_');
        return new Result(id, name, details("error", e.getClass().getSimpleName()), "-", false, details("reason", why));
    }

    static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    /** {@code P1 stairway_vs_migrate ratio=3.71 goal<=4 PASS}. */
    String line() {
        return id + " " + name + " " + pairs(measured) + " goal" + goal + " " + (passed ? "PASS" : "FAIL");
    }

    /** {@code # stairway_median_ms=2140 migrate_median_ms=577 runs=5}. */
    String detailLine() {
        return "# " + pairs(details);
    }

    private static String pairs(Map<String, Object> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue())).collect(Collectors.joining(" "));
    }

    private static String jsonObject(Map<String, Object> map) {
        return "{" + map.entrySet().stream().map(e -> quote(e.getKey()) + ": " + jsonValue(e.getValue()))
                .collect(Collectors.joining(", ")) + "}";
    }

    String json() {
        return "{\"id\": " + quote(id) + ", \"name\": " + quote(name) + ", \"measured\": " + jsonObject(measured)
                + ", \"goal\": " + quote(goal) + ", \"pass\": " + passed + ", \"details\": " + jsonObject(details) + "}";
    }

    private static String text(Object v) {
        return v instanceof Double d ? fmt(d) : String.valueOf(v);
    }

    private static String jsonValue(Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            return v instanceof Double d ? fmt(d) : v.toString();
        }
        String s = String.valueOf(v);
        return s.matches("-?\\d+(\\.\\d+)?") ? s : quote(s);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
