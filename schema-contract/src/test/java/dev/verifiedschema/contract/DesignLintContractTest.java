package dev.verifiedschema.contract;

import dev.verifiedschema.contract.DesignLintSettings.Severity;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DesignLintContractTest {

    @Test
    void aContractWithoutTheSectionLeavesTheSettingsToTheRun() {
        Contract contract = ContractLoader.parse("tables:\n  users:\n    columns: [id]\n", "c.yaml");

        assertThat(contract.designLint()).isNull();
    }

    @Test
    void withoutASectionTheLintIsOffAndASwitchOrAFailOnSeverityTurnsItOn() {
        Contract silent = ContractLoader.parse("tables:\n  users:\n", "c.yaml");

        assertThat(DesignLintSettings.of(silent).enabled()).isFalse();
        assertThat(DesignLintSettings.of(null).enabled()).isFalse();
        assertThat(DesignLintSettings.of(silent).switchedBy("on", null)).isEqualTo(DesignLintSettings.DEFAULT);
        assertThat(DesignLintSettings.of(silent).switchedBy(null, "high"))
                .isEqualTo(DesignLintSettings.DEFAULT.withFailOn(Severity.HIGH));
        assertThat(DesignLintSettings.of(silent).switchedBy("off", "high").enabled()).as("off wins").isFalse();
        assertThat(DesignLintSettings.DEFAULT.withFailOn(Severity.LOW).switchedBy(null, "none").failOn()).isNull();
        assertThat(DesignLintSettings.OFF.switchedBy(null, "none").enabled()).as("none gates nothing").isFalse();
        assertThatThrownBy(() -> DesignLintSettings.OFF.switchedBy("maybe", null)).hasMessage("'maybe'; allowed: on, off");
        assertThatThrownBy(() -> DesignLintSettings.OFF.switchedBy(null, "severe"))
                .hasMessage("'severe'; allowed: none, low, medium, high, critical");
    }

    @Test
    void offAndOnAreTheWholeLintsSwitch() {
        assertThat(ContractLoader.parse("designLint: off\ntables: {}\n", "c.yaml").designLint().enabled()).isFalse();
        assertThat(ContractLoader.parse("designLint: on\ntables: {}\n", "c.yaml").designLint())
                .isEqualTo(DesignLintSettings.DEFAULT);
    }

    @Test
    void theSectionSetsFailOnExcludesRulesAndTheTeamsOwnQueries() {
        Contract contract = ContractLoader.parse("""
                designLint:
                  failOn: high
                  exclude: [audit_*, tmp_*]
                  rules:
                    foreign-key-without-index: high
                    quoted-name: off
                    no-remarks: on
                  sql:
                    - name: money-as-float
                      severity: critical
                      message: an amount is a floating-point column
                      table: SELECT 1 FROM ${table} LIMIT 0
                    - name: no-public-functions
                      message: the schema has no functions
                      schema: SELECT 1 WHERE false
                tables: {}
                """, "c.yaml");

        DesignLintSettings lint = contract.designLint();
        assertThat(lint.failOn()).isEqualTo(Severity.HIGH);
        assertThat(lint.fails(Severity.CRITICAL)).isTrue();
        assertThat(lint.fails(Severity.MEDIUM)).isFalse();
        assertThat(lint.excludes("audit_log")).isTrue();
        assertThat(lint.excludes("users")).isFalse();
        assertThat(lint.severityOf("foreign-key-without-index")).contains(Severity.HIGH);
        assertThat(lint.severityOf("quoted-name")).isEmpty();
        assertThat(lint.severityOf("no-remarks")).contains(Severity.LOW);
        assertThat(lint.severityOf("composite-primary-key")).as("off by default").isEmpty();
        assertThat(lint.severityOf("table-without-primary-key")).as("on by default").contains(Severity.HIGH);
        assertThat(lint.sqlRules()).extracting(DesignLintSettings.SqlRule::name, DesignLintSettings.SqlRule::severity,
                        DesignLintSettings.SqlRule::perTable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("money-as-float", Severity.CRITICAL, true),
                        org.assertj.core.groups.Tuple.tuple("no-public-functions", Severity.MEDIUM, false));
    }

    @Test
    void everyMistakeInTheSectionIsAProblemAtItsLine() {
        ContractException e = catchThrowableOfType(ContractException.class, () -> ContractLoader.parse("""
                designLint:
                  failOn: severe
                  rules:
                    foreign-key-without-indexes: high
                    redundant-index: loud
                  sql:
                    - name: nameless-message
                      table: SELECT 1
                    - name: both
                      message: m
                      table: SELECT 1
                      schema: SELECT 1
                tables: {}
                """, "c.yaml"));

        assertThat(e.problems()).extracting(ContractProblem::line).containsExactly(2, 4, 5, 7, 9);
        assertThat(e.problems()).extracting(ContractProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("designLint.failOn must be none, low, medium, high or critical", "'severe'"),
                m -> assertThat(m).contains("unknown design lint rule 'foreign-key-without-indexes'",
                        "did you mean 'foreign-key-without-index'?", "docs/design-lint.md"),
                m -> assertThat(m).contains("designLint.rules.redundant-index must be off, on, low", "'loud'"),
                m -> assertThat(m).contains("rule nameless-message needs a message"),
                m -> assertThat(m).contains("rule both needs exactly one of table:", "or schema:"));
    }

    @Test
    void theSettingsRefuseARuleTheyDoNotKnow() {
        assertThatThrownBy(() -> DesignLintSettings.DEFAULT.withRule("no-such-rule", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown design lint rule 'no-such-rule'")
                .hasMessageContaining("foreign-key-without-index");
    }
}
