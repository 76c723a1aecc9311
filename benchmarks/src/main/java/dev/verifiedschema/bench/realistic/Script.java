package dev.verifiedschema.bench.realistic;

/** A version before it is numbered: what the file name says, the forward script and its undo. */
record Script(String description, String forward, String undo) {
}
