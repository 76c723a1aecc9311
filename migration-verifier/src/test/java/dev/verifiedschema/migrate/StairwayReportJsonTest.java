package dev.verifiedschema.migrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.DesignLintSettings.Severity;
import dev.verifiedschema.crawler.DesignFinding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StairwayReportJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theJsonReportHasEveryDocumentedFieldInTheMappersOwnLayout() throws Exception {
        Finding undo = new Finding("undo", "3", "U3__matches.sql", "undo-failed", "hm_matches",
                "the undo of V3 left \"hm_matches_idx\" behind\nline two", null);
        Finding accepted = new Finding("forward", "2", "V2__usage.sql", "data-lost", "hm_usage", "rows deleted",
                "baseline");
        StairwayReport report = new StairwayReport("filesystem:db/migration", "contract.yaml", "public",
                List.of(new StepResult("1", "V1__users.sql", 12, 3, 5, true, StepResult.HELD),
                        new StepResult("2", "V2__usage.sql", 7, -1, -1, false, StepResult.NO_UNDO)),
                List.of(new Violation(Violation.Kind.MISSING_COLUMN, "users", "consent", "boolean", null)),
                "skipped: fail-fast", List.of(undo, accepted), null, 431, "ALTER TABLE users ADD COLUMN consent boolean;",
                List.of(new Baseline.Entry("4", "undo", "undo-failed", "hm_old")),
                List.of(new DesignFinding("foreign-key-without-index", Severity.MEDIUM, "hm_usage", "hm_usage_user_fkey",
                        "foreign key with no index", "Create an index", false),
                        new DesignFinding("no-functions", Severity.LOW, null, "", "the schema defines no function", "",
                                true)));

        String json = report.toJson();

        assertThat(json).isEqualTo(MAPPER.writeValueAsString(expected(report)));
        assertThat(MAPPER.readTree(json).at("/steps/1/undoMs").asLong()).isEqualTo(-1);
        assertThat(MAPPER.readTree(json).at("/failure/kind").asText()).isEqualTo("undo-failed");
        assertThat(MAPPER.readTree(json).at("/findings/0/message").asText()).contains("\"hm_matches_idx\"", "\nline two");
        assertThat(MAPPER.readTree(json).at("/designLint/0/object").asText()).isEqualTo("hm_usage (hm_usage_user_fkey)");
        assertThat(MAPPER.readTree(json).at("/designLint/1/table").isNull()).isTrue();
    }

    /** The report as Jackson's object mapper writes it from the records: the layout the docs show. */
    private static ObjectNode expected(StairwayReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("migrations", report.migrations()).put("contract", report.contract()).put("schema", report.schema())
                .put("passed", report.passed()).put("totalMs", report.totalMs());
        ArrayNode steps = root.putArray("steps");
        report.steps().forEach(s -> steps.add(MAPPER.valueToTree(s)));
        ArrayNode violations = root.putArray("violations");
        report.violations().forEach(v -> violations.addObject().put("kind", v.kind().name()).put("table", v.table())
                .put("object", v.object()).put("expected", v.expected()).put("found", v.found())
                .put("message", v.describe()));
        root.put("fullDowngrade", report.fullDowngrade()).put("remediationSql", report.remediationSql());
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> findings.add(finding(f)));
        root.set("failure", report.failure() == null ? null : finding(report.failure()));
        ArrayNode lint = root.putArray("designLint");
        report.designLint().forEach(f -> lint.addObject().put("rule", f.rule()).put("severity", f.severity().label())
                .put("table", f.table()).put("detail", f.detail()).put("object", f.object()).put("message", f.message())
                .put("advice", f.advice()).put("fails", f.fails()));
        ArrayNode gone = root.putArray("baselineGone");
        report.baselineGone().forEach(e -> gone.add(MAPPER.valueToTree(e)));
        return root;
    }

    private static ObjectNode finding(Finding f) {
        return MAPPER.createObjectNode().put("step", f.step()).put("version", f.version()).put("script", f.script())
                .put("kind", f.kind()).put("object", f.object()).put("message", f.message()).put("fails", f.fails())
                .put("accepted", f.accepted());
    }
}
