package dev.verifiedschema.migrate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A step is named by its version and its description, as Flyway names the migration. */
class StepResultTest {

    @Test
    void aDottedVersionWrittenWithUnderscoresIsNamedByItsDescriptionOnly() {
        assertThat(new StepResult("1.1", "V1_1__loans.sql", 91, 5, 7, true, StepResult.HELD).describe())
                .isEqualTo("V1.1 loans: forward 91 ms, undo 5 ms, redo 7 ms");
        assertThat(new StepResult("2.0.1", "V2_0_1__invoices__tenant_index.sql", 1, -1, -1, false,
                StepResult.NO_UNDO).describe()).startsWith("V2.0.1 invoices  tenant index: forward 1 ms");
        assertThat(new StepResult("3", "V3__match_records.sql", 41, 12, 38, true, StepResult.HELD).describe())
                .isEqualTo("V3 match records: forward 41 ms, undo 12 ms, redo 38 ms");
    }

    @Test
    void progressSaysHowFarTheClimbIs() {
        assertThat(new StepResult("3", "V3__status.sql", 41, 12, 38, true, StepResult.HELD).progress(3, 6, 1234))
                .isEqualTo("V3 status: forward 41 ms, undo 12 ms, redo 38 ms [3 of 6, 1.2 s in]");
    }
}
