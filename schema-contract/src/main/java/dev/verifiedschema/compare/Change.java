package dev.verifiedschema.compare;

/**
 * One difference between two snapshots.
 *
 * @param kind       whether the object was added, removed or changed, going from the expected to the actual snapshot
 * @param objectType what kind of object
 * @param name       the object's name, qualified with its table where it belongs to one ({@code users.email})
 * @param before     the object as it was in the expected snapshot, or {@code null} when added
 * @param after      the object as it is in the actual snapshot, or {@code null} when removed
 */
public record Change(Kind kind, ObjectType objectType, String name, String before, String after) {

    /** Direction of a change, from the expected snapshot to the actual one. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** The kinds of schema object a snapshot holds. */
    public enum ObjectType {
        TABLE, COLUMN, PRIMARY_KEY, FOREIGN_KEY, INDEX, UNIQUE_CONSTRAINT, CHECK_CONSTRAINT, TRIGGER,
        VIEW, SEQUENCE, ENUM_TYPE, FUNCTION, EXTENSION;

        /** Lower-case words, for messages: {@code check constraint}. */
        public String words() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * The change in words, for example {@code index hm_feedbacks.idx_status (status) added} or
     * {@code column users.free_quota changed: integer not null -> bigint nullable}.
     */
    public String describe() {
        return switch (kind) {
            case ADDED -> objectType.words() + " " + name + " " + after + " added";
            case REMOVED -> objectType.words() + " " + name + " " + before + " removed";
            case CHANGED -> objectType.words() + " " + name + " changed: " + before + " -> " + after;
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
