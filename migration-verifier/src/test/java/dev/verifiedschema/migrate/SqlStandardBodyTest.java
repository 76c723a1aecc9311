package dev.verifiedschema.migrate;

import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An undo script that recreates a function with a SQL-standard body runs as one statement per routine. */
@ExtendWith(TestServer.class)
class SqlStandardBodyTest {
    @Test
    void anUndoThatRecreatesABeginAtomicFunctionRestoresIt(PostgresServer server) {
        StairwayReport report = TestServer.onFreshDatabase(server,
                Stairway.of(MigrationSet.load(List.of("classpath:sets/sql-standard-body")))::run);

        assertThat(report.passed()).isTrue();
        assertThat(report.steps()).extracting(StepResult::outcome).containsOnly(StepResult.HELD);
        assertThat(report.fullDowngrade()).isEqualTo("passed");
    }
}
