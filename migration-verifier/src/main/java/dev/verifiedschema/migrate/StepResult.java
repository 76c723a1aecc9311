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
 */
public record StepResult(String version, String script, long forwardMs, long undoMs, long redoMs, boolean reversible) {

    /** {@code V3 match records: forward 41 ms, undo 12 ms, redo 38 ms}. */
    public String describe() {
        String name = "V" + version + " " + script.replaceFirst("^V[^_]+__", "").replaceFirst("\\.sql$", "").replace('_', ' ');
        return name + ": forward " + forwardMs + " ms"
                + (reversible ? ", undo " + undoMs + " ms, redo " + redoMs + " ms" : ", undo not run (no undo script, or undo policy none)");
    }
}
