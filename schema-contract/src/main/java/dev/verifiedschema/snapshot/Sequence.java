package dev.verifiedschema.snapshot;

/**
 * A sequence. Its current value is deliberately not part of a snapshot: it changes with data, not
 * with the schema.
 *
 * @param name      the sequence name
 * @param dataType  the sequence's type, for example {@code bigint}
 * @param start     the start value
 * @param increment the increment
 * @param ownedBy   {@code table.column} that owns it (serial and identity columns), or {@code null}
 */
public record Sequence(String name, String dataType, long start, long increment, String ownedBy) {
}
