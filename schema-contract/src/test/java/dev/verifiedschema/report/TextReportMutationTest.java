package dev.verifiedschema.report;

import dev.verifiedschema.compare.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The text and JSON reports, exactly. */
class TextReportMutationTest {
    private static final Violation MISSING = new Violation(Violation.Kind.MISSING_COLUMN, "users", "email", "text",
            null);
    private static final Violation TYPE = new Violation(Violation.Kind.WRONG_TYPE, "orders", "total", "numeric",
            "integer");
    private static final Violation TABLE = new Violation(Violation.Kind.MISSING_TABLE, "users", "users", null, null);

    @Test
    void aHealthySchemaIsSaidToHonourItsContract() {
        assertThat(TextReport.render(List.of(), "public", "c.yaml"))
                .isEqualTo("Schema public honours the contract c.yaml.");
    }

    @Test
    void oneViolationIsOneProblemWithItsFix() {
        assertThat(TextReport.render(List.of(MISSING), "app", "c.yaml")).isEqualTo("""
                1 problem in schema app (contract c.yaml):
                users:
                  - missing column email (expected text)
                    fix: add the column with a migration (the remediation SQL shows how)""");
    }

    @Test
    void violationsAreGroupedByTableInTheOrderTheirTablesFirstAppear() {
        assertThat(TextReport.render(List.of(MISSING, TYPE, TABLE), "public", "c.yaml")).isEqualTo("""
                3 problems in schema public (contract c.yaml):
                users:
                  - missing column email (expected text)
                    fix: add the column with a migration (the remediation SQL shows how)
                  - missing table
                    fix: create the table with a migration (the remediation SQL shows how)
                orders:
                  - wrong type of column total (expected numeric, found integer)
                    fix: change the column type with a migration, or fix the contract""");
    }

    @Test
    void theJsonReportListsEveryFieldOfEveryViolationAndTheSql() {
        String json = JsonReport.render(List.of(MISSING), "public", "c.yaml", "ALTER TABLE users ADD COLUMN x;");

        assertThat(json.replace("\r\n", "\n")).isEqualTo("""
                {
                  "schema" : "public",
                  "contract" : "c.yaml",
                  "healthy" : false,
                  "violations" : [ {
                    "kind" : "MISSING_COLUMN",
                    "table" : "users",
                    "object" : "email",
                    "expected" : "text",
                    "found" : null,
                    "message" : "missing column email (expected text)",
                    "fix" : "add the column with a migration (the remediation SQL shows how)"
                  } ],
                  "remediationSql" : "ALTER TABLE users ADD COLUMN x;"
                }""");
    }

    @Test
    void theJsonReportOfAHealthySchemaIsHealthyWithNoViolations() {
        String json = JsonReport.render(List.of(), "public", "c.yaml", null);

        assertThat(json.replace("\r\n", "\n")).isEqualTo("""
                {
                  "schema" : "public",
                  "contract" : "c.yaml",
                  "healthy" : true,
                  "violations" : [ ],
                  "remediationSql" : null
                }""");
    }
}
