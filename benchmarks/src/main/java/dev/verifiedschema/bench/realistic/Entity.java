package dev.verifiedschema.bench.realistic;

import java.util.ArrayList;
import java.util.List;

/**
 * One business table of the realistic set and what the migrations so far have made of it. The
 * generator writes each version from this state, so later scripts name the table, its label column
 * and its enum values as they are at that version, and each undo restores exactly the state before.
 */
final class Entity {
    final String table;
    final String singular;
    final Entity parent;
    /** The name the table is first created with, when a later version renames it to {@link #table}. */
    final String createdAs;
    /** Whether the table gets a human-facing number from a sequence of its own. */
    final boolean numbered;
    /** Rows the version that creates the table inserts (the product's demo workspace), 0 for none. */
    final int seedRows;

    String name;
    String label = "name";
    final List<String> statuses = new ArrayList<>();
    boolean hasActiveView;
    boolean activeViewHasDescription;
    boolean hasOverview;

    Entity(String table, String singular, Entity parent, String createdAs, boolean numbered, int seedRows) {
        this.table = table;
        this.singular = singular;
        this.parent = parent;
        this.createdAs = createdAs;
        this.numbered = numbered;
        this.seedRows = seedRows;
        this.name = createdAs != null ? createdAs : table;
    }

    /** The foreign key column to the parent, e.g. {@code project_id}; {@code null} for a root table. */
    String fk() {
        return parent == null ? null : parent.singular + "_id";
    }

    String statusType() {
        return singular + "_status";
    }
}
