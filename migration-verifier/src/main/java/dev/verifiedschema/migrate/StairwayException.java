package dev.verifiedschema.migrate;

/** The migration set failed verification; the message is the full {@link StairwayReport}. */
public class StairwayException extends RuntimeException {
    private final transient StairwayReport report;

    public StairwayException(StairwayReport report, Throwable cause) {
        super(report.describe(), cause);
        this.report = report;
    }

    /** The report, with the failure and every step reached. */
    public StairwayReport report() {
        return report;
    }
}
