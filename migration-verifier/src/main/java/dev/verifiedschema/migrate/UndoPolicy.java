package dev.verifiedschema.migrate;

/** Whether every migration must have an undo script. */
public enum UndoPolicy {
    /** Every version needs a {@code U} script; a missing one fails the verification before anything runs. */
    REQUIRED,
    /** Versions without a {@code U} script are reported as irreversible and their undo is skipped. */
    OPTIONAL,
    /** Undo scripts are ignored: the stairway only migrates forward, snapshots and checks the contract. */
    NONE
}
