package dev.verifiedschema.migrate;

import dev.verifiedschema.compare.Change;
import dev.verifiedschema.compare.SchemaDiff;

import java.util.List;

/** The stairway's wording of schema differences and of missing undo scripts. */
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

    /** Throws when a forward script has no undo script, listing every one. */
    static void requireUndoScripts(MigrationSet set) {
        List<String> missing = set.forwards().stream().filter(v -> set.undo(v.version()).isEmpty())
                .map(v -> v.path() + " has no undo script U" + v.version() + "__*.sql; write one, or set the undo "
                        + "policy to optional to accept V" + v.version() + " as irreversible").toList();
        if (!missing.isEmpty()) {
            throw new MigrationSetException(String.join(", ", set.locations()), missing);
        }
    }
}
