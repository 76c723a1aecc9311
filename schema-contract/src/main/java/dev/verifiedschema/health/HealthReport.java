package dev.verifiedschema.health;

import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.report.TextReport;

import java.time.Duration;
import java.util.List;

/**
 * The result of a start-up health check.
 *
 * @param schema         the schema checked
 * @param contractSource where the contract came from
 * @param violations     every violation found, empty when healthy
 * @param remediationSql SQL that repairs what can be repaired additively; empty when healthy
 * @param took           how long the check took
 */
public record HealthReport(String schema, String contractSource, List<Violation> violations, String remediationSql,
                           Duration took) {
    public HealthReport {
        violations = List.copyOf(violations);
    }

    /** Whether the schema honours the contract. */
    public boolean isHealthy() {
        return violations.isEmpty();
    }

    /** Every violation grouped by table, followed by the remediation SQL. */
    public String describe() {
        String text = TextReport.render(violations, schema, contractSource);
        return remediationSql.isEmpty() ? text
                : text + "\n\nRemediation SQL (review it, then apply it or turn it into a migration):\n"
                + remediationSql.stripTrailing();
    }
}
