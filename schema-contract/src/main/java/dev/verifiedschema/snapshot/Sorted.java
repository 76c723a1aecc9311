package dev.verifiedschema.snapshot;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Defensive, ordered copies so that equality and serialised form never depend on catalog order. */
final class Sorted {
    private Sorted() {
    }

    static <V> SortedMap<String, V> map(Map<String, V> source) {
        return source == null
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(source));
    }

    static List<String> list(List<String> source) {
        return source == null ? List.of() : List.copyOf(source);
    }
}
