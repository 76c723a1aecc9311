package dev.verifiedschema.migrate;

import dev.verifiedschema.contract.Identifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Brings the schema back to the state of a version after a failed step left it elsewhere: drops
 * the schema (with Flyway's history in it), creates it again and migrates it plainly to that
 * version (repeatables held back, see {@link FlywayRunner}), loading the fixtures of each version up
 * to it where the climb loaded them. Paid only after a failed step; the climb then resumes above it.
 */
final class SchemaRebuild {
    private static final Logger LOG = LoggerFactory.getLogger(StairwayRun.class);

    private SchemaRebuild() {
    }

    /**
     * Rebuilds the schema at a version.
     *
     * @param start the version the stairway started above (plainly migrated, without fixtures), or {@code null}
     * @return the finding that stops the run when the rebuild itself failed; empty when it held
     */
    static Optional<Finding> restore(Connection connection, String schema, MigrationSet set, MigrationVersion start,
                                     FixtureSet fixtures, FlywayRunner flyway, MigrationScript at) throws SQLException {
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " CASCADE");
            drop.execute("CREATE SCHEMA " + Identifiers.quote(schema));
        }
        for (MigrationScript forward : set.forwards().subList(0, set.forwards().indexOf(at) + 1)) {
            boolean climbed = start == null || forward.version().compareTo(start) > 0;
            boolean fixturesFollow = climbed && !fixtures.after(forward.version()).isEmpty();
            if (forward == at || fixturesFollow) {
                ScriptFailure failed = flyway.migrateTo(forward);
                if (failed != null) {
                    return Optional.of(new Finding("database", at.version().text(), forward.fileName(),
                            Finding.DATABASE, "", "rebuilding the schema at V" + at.version() + " after its failed "
                            + "step (to go on with the later versions) failed at V" + forward.version() + ": "
                            + failed.describe() + "\nThe rebuild drops schema " + schema + " and migrates it again; a "
                            + "migration that creates something outside it (a schema, a role, an extension elsewhere) "
                            + "cannot run twice. Fix the findings above, or run with fail-fast.", null));
                }
                if (fixturesFollow) {
                    loadFixturesAgain(connection, schema, fixtures, forward);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Loads a version's fixtures again: where the climb loaded them, so the rebuilt state is the
     * version's. A failure was reported when the climb loaded them (or follows from a finding already
     * reported), so it is not reported twice.
     */
    private static void loadFixturesAgain(Connection connection, String schema, FixtureSet fixtures,
                                          MigrationScript forward) throws SQLException {
        for (MigrationScript fixture : fixtures.after(forward.version())) {
            ScriptFailure failed = ScriptRunner.run(connection, fixture, schema);
            if (failed != null) {
                LOG.debug("fixture {} failed again while the schema was rebuilt: {}", fixture.fileName(),
                        failed.describe());
            }
        }
    }
}
