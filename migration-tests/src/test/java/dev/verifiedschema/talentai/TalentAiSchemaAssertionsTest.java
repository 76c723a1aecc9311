package dev.verifiedschema.talentai;

import dev.verifiedschema.junit.VerifiedSchema;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import static dev.verifiedschema.assertj.SchemaAssertions.assertThat;

/** The example of docs/assertions.md, on the TalentAI schema: what the runbook's billing code needs is there. */
@VerifiedSchema(migrations = "classpath:db/migration", contract = "classpath:talentai-contract.yaml")
class TalentAiSchemaAssertionsTest {
    @Test
    void usersCanGiveConsentAndUsageIsFoundByUserAndTime(SchemaSnapshot head) {
        assertThat(head).hasTable("users")
                .withColumn("consent_data_storage").ofType("boolean").isNotNull().hasDefault("false")
                .and().hasPrimaryKey("id").hasUniqueConstraint("email")
                .and().hasTable("hm_usage_records").hasIndexOn("user_id", "created_at").hasForeignKey("users", "user_id");
    }
}
