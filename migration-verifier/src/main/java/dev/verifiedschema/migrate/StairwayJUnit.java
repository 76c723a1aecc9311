package dev.verifiedschema.migrate;

import dev.verifiedschema.compare.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stairway report as JUnit XML, so that a CI page shows where a set broke: one test case per
 * version and step (class {@code verified-schema.verify.V3}, cases {@code forward}, {@code undo},
 * {@code redo}, with their times), one for the full downgrade, one per contract table (class
 * {@code verified-schema.verify.contract}), one for the design lint of the head when it found
 * anything (its failing findings fail it, its warnings are its output), and one for each finding no
 * step above holds (the database, the fixtures). A step that did not run is skipped, with why; accepted findings pass and
 * are named in the case's output. Written by the command line ({@code --format junit}) and the Maven
 * plugin ({@code formats} with {@code junit}).
 */
public final class StairwayJUnit {
    private static final String CLASS = "verified-schema.verify";

    private StairwayJUnit() {
    }

    private record Case(String classname, String name, long ms, String failure, String skipped, String output) {
    }

    /**
     * The report as a JUnit XML test suite.
     *
     * @param report         the stairway report
     * @param contractTables the contract's tables, in its order (empty without a contract)
     * @param details        text for the suite's own output (the report for people), or null
     */
    public static String xml(StairwayReport report, Collection<String> contractTables, String details) {
        List<Case> cases = cases(report, contractTables);
        long failures = cases.stream().filter(c -> c.failure() != null).count();
        long skipped = cases.stream().filter(c -> c.failure() == null && c.skipped() != null).count();
        long ms = cases.stream().mapToLong(c -> Math.max(0, c.ms())).sum();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"verified-schema verify\" tests=\"").append(cases.size()).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"")
                .append(seconds(ms)).append("\">\n");
        for (Case c : cases) {
            xml.append("  <testcase classname=\"").append(xmlText(c.classname())).append("\" name=\"")
                    .append(xmlText(c.name())).append("\"").append(c.ms() >= 0 ? " time=\"" + seconds(c.ms()) + "\"" : "")
                    .append(">\n");
            if (c.failure() != null) {
                xml.append("    <failure message=\"").append(xmlText(c.failure().lines().findFirst().orElse("")))
                        .append("\">").append(xmlText(c.failure())).append("</failure>\n");
            } else if (c.skipped() != null) {
                xml.append("    <skipped message=\"").append(xmlText(c.skipped())).append("\"/>\n");
            }
            if (!c.output().isBlank()) {
                xml.append("    <system-out>").append(xmlText(c.output().strip())).append("</system-out>\n");
            }
            xml.append("  </testcase>\n");
        }
        if (details != null && !details.isBlank()) {
            xml.append("  <system-out>").append(xmlText(details)).append("</system-out>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static List<Case> cases(StairwayReport report, Collection<String> contractTables) {
        List<Case> cases = new ArrayList<>();
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
        cases.add(new Case(CLASS, "full downgrade", -1, failure(downgrade),
                full.startsWith("skipped") ? full.replaceFirst("^skipped:?\\s*", "") : null, accepted(downgrade)));
        List<Finding> lint = report.findings().stream().filter(f -> f.step().equals(HeadLint.STEP)).toList();
        if (!lint.isEmpty() || !report.designLint().isEmpty()) {
            placed.addAll(lint);
            String warnings = report.designWarnings().stream().map(f -> "\nwarning " + f.describe())
                    .collect(Collectors.joining());
            cases.add(new Case(CLASS, HeadLint.STEP, -1, failure(lint), null, warnings + accepted(lint)));
        }
        for (Finding f : report.findings()) {
            if (!placed.contains(f)) {
                String name = f.step() + (f.version() == null ? "" : " V" + f.version());
                cases.add(new Case(CLASS, name, -1, failure(List.of(f)), null, accepted(List.of(f))));
            }
        }
        Map<String, List<Violation>> byTable = new LinkedHashMap<>();
        contractTables.forEach(t -> byTable.put(t, new ArrayList<>()));
        report.violations().forEach(v -> byTable.computeIfAbsent(v.table(), t -> new ArrayList<>()).add(v));
        byTable.forEach((table, violations) -> cases.add(new Case(CLASS + ".contract", table, -1,
                violations.isEmpty() ? null : violations.stream().map(Violation::describe).collect(Collectors.joining("\n")),
                report.head() == null ? "the head was not reached" : null, "")));
        return cases;
    }

    private static Case stepCase(String cls, String step, String script, long ms, String outcome,
                                 StairwayReport report, String version, Set<Finding> placed) {
        List<Finding> found = report.findings().stream()
                .filter(f -> step.equals(f.step()) && version.equals(f.version())).toList();
        placed.addAll(found);
        String failure = failure(found);
        String skipped = failure == null && ms < 0 ? (outcome == null ? "not run" : outcome) : null;
        return new Case(cls, step, ms, failure, skipped,
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

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /**
     * Text for an XML attribute or element: markup escaped, and the characters an XML 1.0 document cannot
     * hold (control characters a script may carry) dropped; null is empty. The command line's other XML
     * reports use it too.
     */
    public static String xmlText(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if ((c >= 0x20 && c != 0xFFFE && c != 0xFFFF) || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
