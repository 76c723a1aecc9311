package dev.verifiedschema.report;

import dev.verifiedschema.compare.Violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders violations for a person: every violation at once, grouped by table, each with what was
 * expected, what was found and what to do.
 */
public final class TextReport {
    private TextReport() {
    }

    /**
     * The report, for example:
     * <pre>
     * 2 problems in schema public (contract talentai-contract.yaml):
     * users:
     *   - missing column consent_updated_at (expected timestamp without time zone)
     *     fix: add the column with a migration (the remediation SQL shows how)
     * </pre>
     */
    public static String render(List<Violation> violations, String schema, String contractSource) {
        if (violations.isEmpty()) {
            return "Schema " + schema + " honours the contract " + contractSource + ".";
        }
        StringBuilder text = new StringBuilder();
        text.append(violations.size()).append(violations.size() == 1 ? " problem" : " problems")
                .append(" in schema ").append(schema).append(" (contract ").append(contractSource).append("):\n");
        Map<String, List<Violation>> byTable = new LinkedHashMap<>();
        for (Violation v : violations) {
            byTable.computeIfAbsent(v.table(), t -> new java.util.ArrayList<>()).add(v);
        }
        byTable.forEach((table, list) -> {
            text.append(table).append(":\n");
            for (Violation v : list) {
                text.append("  - ").append(v.describe()).append('\n');
                text.append("    fix: ").append(v.kind().fix()).append('\n');
            }
        });
        return text.toString().stripTrailing();
    }
}
