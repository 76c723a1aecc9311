package dev.verifiedschema.talentai;

import dev.verifiedschema.compare.ContractCheck;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.health.SchemaHealthCheck;
import dev.verifiedschema.junit.VerifiedSchema;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.migrate.StepResult;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The real TalentAI migration set, proven forward, backward and against its contract. */
@VerifiedSchema(migrations = "classpath:db/migration", contract = "classpath:talentai-contract.yaml",
        fixtures = "classpath:fixtures/talentai")
class TalentAiMigrationsTest {

    @Test
    void everyVersionMigratesUndoesAndRedoesAndAFullDowngradeLeavesNoTrace(StairwayReport report) {
        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.steps()).extracting(StepResult::version).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(report.steps()).allMatch(StepResult::reversible);
        assertThat(report.fullDowngrade()).isEqualTo("passed");
    }

    @Test
    void theHeadHonoursTheContract(SchemaSnapshot head) {
        assertThat(ContractCheck.check(ContractLoader.fromClasspath("talentai-contract.yaml"), head)).isEmpty();
        assertThat(head.tables()).containsOnlyKeys("users", "hm_usage_records", "hm_transactions",
                "hm_match_records", "hm_feedbacks");
    }

    @Test
    void theStartUpHealthCheckPassesOnTheVerifiedDatabase(DataSource db) {
        assertThat(SchemaHealthCheck.from(ContractLoader.fromClasspath("talentai-contract.yaml")).assertHealthy(db)
                .isHealthy()).isTrue();
    }
}
