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
 * @param options   what else {@code CREATE SEQUENCE} says where the sequence differs from the default for its
 *                  type and direction, in its words and order: {@code MINVALUE}, {@code MAXVALUE},
 *                  {@code CACHE}, {@code CYCLE}; empty when there is nothing to say
 */
public record Sequence(String name, String dataType, long start, long increment, String ownedBy, String options) {
    public Sequence {
        options = options == null ? "" : options;
    }

    /**
     * A sequence with the default bounds, cache and no cycle.
     *
     * @param name      the sequence name
     * @param dataType  the sequence's type
     * @param start     the start value
     * @param increment the increment
     * @param ownedBy   {@code table.column} that owns it, or {@code null}
     */
    public Sequence(String name, String dataType, long start, long increment, String ownedBy) {
        this(name, dataType, start, increment, ownedBy, "");
    }
}
