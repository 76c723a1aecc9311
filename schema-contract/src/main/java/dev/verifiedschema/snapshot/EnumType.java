package dev.verifiedschema.snapshot;

import java.util.List;

/**
 * An enum type.
 *
 * @param name   the type name
 * @param labels the labels in their sort order
 */
public record EnumType(String name, List<String> labels) {
    public EnumType {
        labels = Sorted.list(labels);
    }
}
