package dev.verifiedschema.cli;

import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.migrate.Finding;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.migrate.StepResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stairway report as JUnit test cases, so that a CI page shows where a set broke: one case per
 * version and step (class {@code verified-schema.verify.V3}, cases {@code forward}, {@code undo},
 * {@code redo}, with their times), one for the full downgrade, one per contract table (class
 * {@code verified-schema.verify.contract}), and one for each finding no step above holds (the
 * database, the fixtures). A step that did not run is skipped, with why; accepted findings pass and
 * are named in the case's output.
 */
final class StairwayTestCases {
    private static final String CLASS = "verified-schema.verify";

    private StairwayTestCases() {
    }

    static List<Result.TestCase> of(StairwayReport report, Contract contract) {
        List<Result.TestCase> cases = new ArrayList<>();
        Set<Finding> placed = new LinkedHashSet<>();
        for (StepResult step : report.steps()) {
            String cls = CLASS + ".V" + step.version();
            cases.add(stepCase(cls, "forward", step.script(), step.forwardMs(), null, report, step.version(), placed));
            cases.add(stepCase(cls, "undo", step.script(), step.undoMs(), step.outcome(), report, step.version(), placed));
            cases.add(stepCase(cls, "redo", step.script(), step.redoMs(), step.outcome(), report, step.version(), placed));
        }
        List<Finding> downgrade = report.findings().stream().filter(f -> f.step().equals("full downgrade")).toList();
        placed.addAll(downgrade);
        String full = report.fullDowngrade() == null ? "skipped: the head was not reached" : report.fullDowngrade();
        cases.add(new Result.TestCase(CLASS, "full downgrade", -1, failure(downgrade),
                full.startsWith("skipped") ? full.replaceFirst("^skipped:?\\s*", "") : null, accepted(downgrade)));
        for (Finding f : report.findings()) {
            if (!placed.contains(f)) {
                String name = f.step() + (f.version() == null ? "" : " V" + f.version());
                cases.add(new Result.TestCase(CLASS, name, -1, failure(List.of(f)), null, accepted(List.of(f))));
            }
        }
        if (contract != null) {
            Map<String, List<Violation>> byTable = new LinkedHashMap<>();
            contract.tables().keySet().forEach(t -> byTable.put(t, new ArrayList<>()));
            report.violations().forEach(v -> byTable.computeIfAbsent(v.table(), t -> new ArrayList<>()).add(v));
            byTable.forEach((table, violations) -> cases.add(new Result.TestCase(CLASS + ".contract", table, -1,
                    violations.isEmpty() ? null : violations.stream().map(Violation::describe)
                            .collect(Collectors.joining("\n")),
                    report.head() == null ? "the head was not reached" : null, "")));
        }
        return cases;
    }

    private static Result.TestCase stepCase(String cls, String step, String script, long ms, String outcome,
                                            StairwayReport report, String version, Set<Finding> placed) {
        List<Finding> found = report.findings().stream()
                .filter(f -> step.equals(f.step()) && version.equals(f.version())).toList();
        placed.addAll(found);
        String failure = failure(found);
        String skipped = failure == null && ms < 0 ? (outcome == null ? "not run" : outcome) : null;
        return new Result.TestCase(cls, step, ms, failure, skipped,
                (step.equals("forward") ? "" : step + " of ") + script + accepted(found));
    }

    /** The failing findings' messages, or null when none fails. */
    private static String failure(List<Finding> findings) {
        List<String> failing = findings.stream().filter(Finding::fails).map(f -> f.message().strip()).toList();
        return failing.isEmpty() ? null : String.join("\n", failing);
    }

    private static String accepted(List<Finding> findings) {
        return findings.stream().filter(f -> !f.fails())
                .map(f -> "\naccepted (" + f.accepted() + "): " + f.message().strip()).collect(Collectors.joining());
    }
}
