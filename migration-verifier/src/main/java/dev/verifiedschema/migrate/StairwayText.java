package dev.verifiedschema.migrate;

import dev.verifiedschema.compare.Change;
import dev.verifiedschema.compare.SchemaDiff;


/** The stairway's wording of schema differences. */
final class StairwayText {
    private StairwayText() {
    }

    /** What an undo left behind, removed or changed, one line each. */
    static String undoDiff(SchemaDiff diff) {
        StringBuilder text = new StringBuilder();
        for (Change c : diff.changes()) {
            text.append("  - ").append(switch (c.kind()) {
                case ADDED -> "left behind: " + c.objectType().words() + " " + c.name() + " " + c.after();
                case REMOVED -> "removed: " + c.objectType().words() + " " + c.name() + " " + c.before();
                case CHANGED -> "changed: " + c.objectType().words() + " " + c.name() + " is " + c.after()
                        + ", was " + c.before();
            }).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** How a redo differs from the first run, one line each. */
    static String redoDiff(SchemaDiff diff) {
        return diff.changes().stream().map(c -> "  - " + c.describe()).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
