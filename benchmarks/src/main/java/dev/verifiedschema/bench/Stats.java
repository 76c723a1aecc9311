package dev.verifiedschema.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timings in milliseconds and their median. */
final class Stats {
    private final List<Double> values = new ArrayList<>();

    void add(double ms) {
        values.add(ms);
    }

    int count() {
        return values.size();
    }

    double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Milliseconds since a {@link System#nanoTime()} reading. */
    static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** A ratio rounded for printing, to two decimals. */
    static double round2(double ratio) {
        return Math.rint(ratio * 100) / 100;
    }

    /** A median rounded for printing: whole milliseconds above 10, else two decimals. */
    static double round(double ms) {
        return ms >= 10 ? Math.rint(ms) : Math.rint(ms * 100) / 100;
    }
}
