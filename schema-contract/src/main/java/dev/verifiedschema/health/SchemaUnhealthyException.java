package dev.verifiedschema.health;

/**
 * Thrown by {@link SchemaHealthCheck#assertHealthy(javax.sql.DataSource)} when the schema does not
 * honour its contract. The message lists every violation and the remediation SQL.
 */
public class SchemaUnhealthyException extends RuntimeException {
    private final transient HealthReport report;

    public SchemaUnhealthyException(HealthReport report) {
        super("The database schema does not match what the application needs. " + report.describe());
        this.report = report;
    }

    /** The full report. */
    public HealthReport report() {
        return report;
    }
}
