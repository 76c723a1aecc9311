package dev.verifiedschema.migrate;

/**
 * How one version fared on the stairway.
 *
 * @param version     the version
 * @param script      the forward script's file name
 * @param forwardMs   time to migrate forward
 * @param undoMs      time to run the undo script and compare, or -1 when skipped
 * @param redoMs      time to migrate forward again and compare, or -1 when skipped
 * @param reversible  whether the version has an undo script that was run
 * @param outcome     {@code held}, {@code failed} (see the report's findings), {@code accepted} (its
 *                    findings are all accepted), {@code irreversible} (marked so by a directive),
 *                    {@code no undo script} or {@code undo policy none}
 */
public record StepResult(String version, String script, long forwardMs, long undoMs, long redoMs, boolean reversible,
                         String outcome) {
    static final String HELD = "held";
    static final String FAILED = "failed";
    static final String ACCEPTED = "accepted";
    static final String IRREVERSIBLE = "irreversible";
    static final String NO_UNDO = "no undo script";
    static final String POLICY_NONE = "undo policy none";

    /** {@code V3 match records: forward 41 ms, undo 12 ms, redo 38 ms [3 of 6, 0.4 s in]}, for progress logs. */
    String progress(int position, int of, long elapsedMs) {
        return describe() + String.format(java.util.Locale.ROOT, " [%d of %d, %.1f s in]", position, of, elapsedMs / 1000.0);
    }

    /** {@code V3 match records: forward 41 ms, undo 12 ms, redo 38 ms}. */
    public String describe() {
        String name = "V" + version + " " + script.replaceFirst("^.*?__", "").replaceFirst("\\.sql$", "").replace('_', ' ');
        String times = ": forward " + forwardMs + " ms" + (undoMs < 0 ? "" : ", undo " + undoMs + " ms")
                + (redoMs < 0 ? "" : ", redo " + redoMs + " ms");
        return name + times + switch (outcome) {
            case HELD -> "";
            case FAILED -> " (failed: see the findings)";
            case ACCEPTED -> " (accepted findings only)";
            case IRREVERSIBLE -> ", undo not run (irreversible: its directive says so)";
            default -> ", undo not run (" + outcome + ")";
        };
    }
}
