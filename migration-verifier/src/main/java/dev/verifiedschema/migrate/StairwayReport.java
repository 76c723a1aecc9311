package dev.verifiedschema.migrate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.crawler.DesignFinding;
import dev.verifiedschema.report.TextReport;
import dev.verifiedschema.snapshot.SchemaSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What the stairway did and found: one line per version with its timings, every finding of every
 * step (a run goes on after a failing step unless it is fail-fast), the contract check at head, the
 * full downgrade, the design lint of the head, and the baseline entries that no longer occur.
 *
 * @param migrations    the migration locations
 * @param contract      the contract's source, or {@code null} when none was given
 * @param schema        the schema verified
 * @param steps         one result per version that was reached
 * @param violations    contract violations at head (empty when none or no contract)
 * @param fullDowngrade what became of the full downgrade check: {@code passed}, {@code failed} or {@code skipped: ...}
 * @param findings      every finding, in the order found; accepted ones included
 * @param head          the snapshot at head, or {@code null} when head was not reached
 * @param totalMs       wall time of the whole verification
 * @param remediationSql SQL that would repair the head's contract violations additively (empty when none)
 * @param baselineGone  entries of the baseline given that this run no longer found (empty without one)
 * @param designLint    every finding of the design lint of the head, the most severe first (empty when it
 *                      did not run); those that fail are among the {@code findings} too (step {@code design lint})
 */
public record StairwayReport(String migrations, String contract, String schema, List<StepResult> steps,
                             List<Violation> violations, String fullDowngrade, List<Finding> findings,
                             SchemaSnapshot head, long totalMs, String remediationSql,
                             List<Baseline.Entry> baselineGone, List<DesignFinding> designLint) {

    public StairwayReport {
        steps = List.copyOf(steps);
        violations = List.copyOf(violations);
        findings = List.copyOf(findings);
        baselineGone = List.copyOf(baselineGone);
        designLint = designLint == null ? List.of() : List.copyOf(designLint);
    }

    /** A report without a design lint. */
    public StairwayReport(String migrations, String contract, String schema, List<StepResult> steps,
                          List<Violation> violations, String fullDowngrade, List<Finding> findings,
                          SchemaSnapshot head, long totalMs, String remediationSql, List<Baseline.Entry> baselineGone) {
        this(migrations, contract, schema, steps, violations, fullDowngrade, findings, head, totalMs, remediationSql,
                baselineGone, List.of());
    }

    /** The design lint's findings that do not fail the verification: its warnings. */
    public List<DesignFinding> designWarnings() {
        return designLint.stream().filter(f -> !f.fails()).toList();
    }

    /**
     * Whether every check held: the head was reached, no finding fails and the contract holds. (A run
     * that stopped early never passes, even when a baseline accepts what it found.)
     */
    public boolean passed() {
        return head != null && failures().isEmpty() && violations.isEmpty();
    }

    /** The findings that fail the verification, in the order found. */
    public List<Finding> failures() {
        return findings.stream().filter(Finding::fails).toList();
    }

    /** The first finding that fails the verification, or {@code null} when none does. */
    public Finding failure() {
        return findings.stream().filter(Finding::fails).findFirst().orElse(null);
    }

    /**
     * This report as a run with the baseline would have given it: its findings accepted where the
     * baseline has them, and the baseline's entries that no longer occur listed. (A fail-fast run
     * stops at the first finding the baseline does not accept; give the baseline to the stairway
     * for that: {@link Stairway#withBaseline}.)
     */
    public StairwayReport acceptedBy(Baseline baseline) {
        List<Finding> accepted = findings.stream().map(baseline::apply).toList();
        return new StairwayReport(migrations, contract, schema, steps, violations, fullDowngrade, accepted, head,
                totalMs, remediationSql, baseline.gone(accepted), designLint);
    }

    /** The report for people: the verdict first, then every finding, then every step. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        List<Finding> failures = failures();
        List<Finding> accepted = findings.stream().filter(f -> !f.fails()).toList();
        if (passed()) {
            text.append("Verified ").append(migrations).append(" (").append(steps.size()).append(" versions")
                    .append(contract == null ? "" : ", contract " + contract).append(") in ").append(totalMs)
                    .append(" ms: ").append(heldSteps()).append(contract == null ? "" : ", the contract holds at head")
                    .append(", full downgrade ").append(fullDowngrade)
                    .append(accepted.isEmpty() ? "" : "; " + accepted.size() + " accepted finding"
                            + (accepted.size() == 1 ? "" : "s") + " below")
                    .append(designWarnings().isEmpty() ? "" : "; " + designWarnings().size() + " design lint warning"
                            + (designWarnings().size() == 1 ? "" : "s") + " below").append(".\n");
        } else if (failures.size() == 1) {
            Finding f = failures.get(0);
            text.append("Migration set ").append(migrations).append(" failed verification at the ").append(f.step())
                    .append(" step").append(f.version() == null ? "" : " of V" + f.version())
                    .append(f.script() == null ? "" : " (" + f.script() + ")").append(".\n")
                    .append(f.message().strip().indent(2));
        } else if (failures.size() > 1) {
            text.append("Migration set ").append(migrations).append(" failed verification with ").append(failures.size())
                    .append(" findings: ").append(String.join(", ", failures.stream().map(Finding::where).toList()))
                    .append(".\n");
            failures.forEach(f -> text.append(entry(f)));
        }
        if (!violations.isEmpty()) {
            text.append("At head, ").append(TextReport.render(violations, schema, contract)).append('\n');
            if (remediationSql != null && !remediationSql.isBlank()) {
                text.append("Remediation SQL (write it into the next migration, with its undo script):\n")
                        .append(remediationSql.strip().indent(2));
            }
        }
        if (!accepted.isEmpty()) {
            text.append("Accepted findings (reported, not failed):\n");
            accepted.forEach(f -> text.append(entry(f).replaceFirst(":", " [" + f.accepted() + "]:")));
        }
        text.append(DesignFinding.warnings(designLint));
        if (!baselineGone.isEmpty()) {
            text.append("Baseline entries that no longer occur (remove them from the baseline):\n");
            baselineGone.forEach(e -> text.append("  - ").append(e.describe()).append('\n'));
        }
        if (!steps.isEmpty()) {
            text.append("Steps:\n");
        }
        steps.forEach(s -> text.append("  ").append(s.describe()).append('\n'));
        return text.toString().stripTrailing();
    }

    private static String entry(Finding f) {
        String message = f.message().strip();
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        String rest = nl < 0 ? "" : message.substring(nl + 1).indent(4);
        return "  " + f.where() + ": " + first + "\n" + rest;
    }

    /** Which steps held, without claiming undo steps that did not run (undo policy none, no undo scripts). */
    private String heldSteps() {
        long reversible = steps.stream().filter(StepResult::reversible).count();
        if (reversible == steps.size()) {
            return "every forward, undo and redo step held";
        }
        return reversible == 0 ? "every forward step held; no undo script was run"
                : "every forward step held, and the undo and redo steps of " + reversible + " of " + steps.size()
                + " versions";
    }

    /**
     * The report for machines; field names are documented in docs/junit-extension.md. Written with
     * Jackson's streaming generator, not its object mapper, whose first use in a JVM costs a few hundred
     * milliseconds of class loading on the path of every first verification.
     */
    public String toJson() {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("migrations", migrations);
            json.writeStringField("contract", contract);
            json.writeStringField("schema", schema);
            json.writeBooleanField("passed", passed());
            json.writeNumberField("totalMs", totalMs);
            json.writeArrayFieldStart("steps");
            for (StepResult s : steps) {
                json.writeStartObject();
                json.writeStringField("version", s.version());
                json.writeStringField("script", s.script());
                json.writeNumberField("forwardMs", s.forwardMs());
                json.writeNumberField("undoMs", s.undoMs());
                json.writeNumberField("redoMs", s.redoMs());
                json.writeBooleanField("reversible", s.reversible());
                json.writeStringField("outcome", s.outcome());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("violations");
            for (Violation v : violations) {
                json.writeStartObject();
                json.writeStringField("kind", v.kind().name());
                json.writeStringField("table", v.table());
                json.writeStringField("object", v.object());
                json.writeStringField("expected", v.expected());
                json.writeStringField("found", v.found());
                json.writeStringField("message", v.describe());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("fullDowngrade", fullDowngrade);
            json.writeStringField("remediationSql", remediationSql);
            json.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                write(json, f);
            }
            json.writeEndArray();
            json.writeFieldName("failure");
            Finding first = failure();
            if (first == null) {
                json.writeNull();
            } else {
                write(json, first);
            }
            json.writeArrayFieldStart("designLint");
            for (DesignFinding f : designLint) {
                f.write(json);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("baselineGone");
            for (Baseline.Entry e : baselineGone) {
                json.writeStartObject();
                json.writeStringField("version", e.version());
                json.writeStringField("step", e.step());
                json.writeStringField("kind", e.kind());
                json.writeStringField("object", e.object());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the stairway report as JSON", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Finding f) throws IOException {
        json.writeStartObject();
        json.writeStringField("step", f.step());
        json.writeStringField("version", f.version());
        json.writeStringField("script", f.script());
        json.writeStringField("kind", f.kind());
        json.writeStringField("object", f.object());
        json.writeStringField("message", f.message());
        json.writeBooleanField("fails", f.fails());
        json.writeStringField("accepted", f.accepted());
        json.writeEndObject();
    }
}
