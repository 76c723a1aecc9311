package dev.verifiedschema.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.report.TextReport;
import dev.verifiedschema.snapshot.SchemaSnapshot;

import java.util.List;

/**
 * What the stairway did and found: one line per version with its timings, the contract check at
 * head, the full downgrade, and, when something failed, the failure with the step and script.
 *
 * @param migrations   the migration locations
 * @param contract     the contract's source, or {@code null} when none was given
 * @param schema       the schema verified
 * @param steps        one result per version that was reached
 * @param violations   contract violations at head (empty when none or no contract)
 * @param fullDowngrade what became of the full downgrade check: {@code passed}, {@code failed} or {@code skipped: ...}
 * @param failure      the failure that stopped the stairway, or {@code null}
 * @param head         the snapshot at head, or {@code null} when head was not reached
 * @param totalMs      wall time of the whole verification
 * @param remediationSql SQL that would repair the head's contract violations additively (empty when none)
 */
public record StairwayReport(String migrations, String contract, String schema, List<StepResult> steps,
                             List<Violation> violations, String fullDowngrade, Failure failure, SchemaSnapshot head,
                             long totalMs, String remediationSql) {

    /**
     * Why the stairway stopped.
     *
     * @param step    the step: {@code forward}, {@code undo}, {@code redo}, {@code fixtures},
     *                {@code full downgrade}, or {@code database} when the connection failed
     * @param version the version concerned, or {@code null}
     * @param script  the script concerned, or {@code null}
     * @param message the explanation, several lines, naming the objects concerned and what to do
     */
    public record Failure(String step, String version, String script, String message) {
    }

    public StairwayReport {
        steps = List.copyOf(steps);
        violations = List.copyOf(violations);
    }

    /** Whether every check held. */
    public boolean passed() {
        return failure == null && violations.isEmpty();
    }

    /** The report for people: the verdict first, then every step. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (passed()) {
            text.append("Verified ").append(migrations).append(" (").append(steps.size()).append(" versions")
                    .append(contract == null ? "" : ", contract " + contract).append(") in ").append(totalMs)
                    .append(" ms: ").append(heldSteps()).append(contract == null ? "" : ", the contract holds at head")
                    .append(", full downgrade ").append(fullDowngrade).append(".\n");
        } else if (failure != null) {
            text.append("Migration set ").append(migrations).append(" failed verification at the ").append(failure.step())
                    .append(" step").append(failure.version() == null ? "" : " of V" + failure.version())
                    .append(failure.script() == null ? "" : " (" + failure.script() + ")").append(".\n")
                    .append(failure.message().strip().indent(2));
        }
        if (!violations.isEmpty()) {
            text.append("At head, ").append(TextReport.render(violations, schema, contract)).append('\n');
            if (remediationSql != null && !remediationSql.isBlank()) {
                text.append("Remediation SQL (write it into the next migration, with its undo script):\n")
                        .append(remediationSql.strip().indent(2));
            }
        }
        if (!steps.isEmpty()) {
            text.append("Steps:\n");
        }
        steps.forEach(s -> text.append("  ").append(s.describe()).append('\n'));
        return text.toString().stripTrailing();
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

    /** The report for machines; field names are documented in docs/junit-extension.md. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("migrations", migrations);
        root.put("contract", contract);
        root.put("schema", schema);
        root.put("passed", passed());
        root.put("totalMs", totalMs);
        ArrayNode stepArray = root.putArray("steps");
        steps.forEach(s -> stepArray.add(mapper.valueToTree(s)));
        ArrayNode violationArray = root.putArray("violations");
        violations.forEach(v -> violationArray.addObject().put("kind", v.kind().name()).put("table", v.table())
                .put("object", v.object()).put("expected", v.expected()).put("found", v.found())
                .put("message", v.describe()));
        root.put("fullDowngrade", fullDowngrade);
        root.put("remediationSql", remediationSql);
        root.set("failure", failure == null ? null : mapper.valueToTree(failure));
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the stairway report as JSON", e);
        }
    }
}
