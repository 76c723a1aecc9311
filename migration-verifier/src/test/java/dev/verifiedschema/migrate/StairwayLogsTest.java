package dev.verifiedschema.migrate;

import dev.verifiedschema.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The log tells how far the climb is; the findings are in the report only, so a failing test shows the
 * report once (its failure message) and not the findings again as log lines.
 */
@ExtendWith(FreshDatabase.class)
class StairwayLogsTest {

    @Test
    void findingsAreReportedOnceAndProgressIsLogged(DataSource database) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        StairwayException failed;
        try {
            failed = catchThrowableOfType(StairwayException.class, () -> Stairway.of(MigrationSet.load(
                    List.of("classpath:sets/several-broken"))).run(database));
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(failed.getMessage()).contains("did not restore the schema of V1");
        assertThat(log).contains("checked V1 customers", "[1 of 6, ", "checked V2 orders", "(failed: see the findings) [2 of 6, ")
                .doesNotContain("did not restore the schema");
    }
}
