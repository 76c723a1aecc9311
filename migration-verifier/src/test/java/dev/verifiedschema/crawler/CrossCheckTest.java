package dev.verifiedschema.crawler;

import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.migrate.LiveMigrations;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.MigrationSetException;
import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The toolkit's reader against SchemaCrawler's reading through pgjdbc's own metadata, on the head of
 * every test set of this module: dozens of schemas written to break the stairway in different ways.
 */
@ExtendWith(TestServer.class)
class CrossCheckTest {
    private static final Path SETS = Path.of("src", "test", "resources", "sets");

    private static List<String> crossCheck(DataSource db, String schema) throws Exception {
        try (Connection c = db.getConnection()) {
            SchemaSnapshot ours = SchemaInspector.create().inspect(c, schema);
            try (Connection own = db.getConnection()) {
                return CrossCheck.compare(own, ours);
            }
        }
    }

    @Test
    void theToolkitsReaderAndJdbcsMetadataAgreeOnTheHeadOfEveryTestSet(PostgresServer server) throws Exception {
        Map<String, List<String>> differences = new TreeMap<>();
        int checked = 0;
        try (Stream<Path> sets = Files.list(SETS)) {
            for (Path set : sets.sorted().toList()) {
                MigrationSet migrations;
                try {
                    migrations = MigrationSet.load(List.of("filesystem:" + set.toAbsolutePath()));
                } catch (MigrationSetException badNames) {
                    continue; // a set made to be refused
                }
                String database = server.createDatabase(null);
                try {
                    DataSource db = server.dataSource(database);
                    try {
                        LiveMigrations.of(db, migrations, "public").migrateTo(null);
                    } catch (RuntimeException brokenForward) {
                        continue; // a set made to fail on its way up has no head
                    }
                    List<String> found = crossCheck(db, "public");
                    checked++;
                    if (!found.isEmpty()) {
                        differences.put(set.getFileName().toString(), found);
                    }
                } finally {
                    server.dropDatabase(database);
                }
            }
        }

        assertThat(checked).as("heads checked").isGreaterThanOrEqualTo(25);
        assertThat(differences).isEmpty();
    }

    @Test
    void aDifferenceIsReportedWithWhatEachReaderSaw(PostgresServer server) throws Exception {
        String database = server.createDatabase(null);
        try {
            DataSource db = server.dataSource(database);
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(200) NOT NULL)");
                SchemaSnapshot before = SchemaInspector.create().inspect(c, "public");
                s.execute("ALTER TABLE accounts ADD COLUMN plan text; ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL");

                List<String> found = CrossCheck.compare(c, before);

                assertThat(found).containsExactlyInAnyOrder("- column accounts.email varchar not null",
                        "+ column accounts.email varchar null", "+ column accounts.plan text null");
            }
        } finally {
            server.dropDatabase(database);
        }
    }
}
