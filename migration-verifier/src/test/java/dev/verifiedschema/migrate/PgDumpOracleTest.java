package dev.verifiedschema.migrate;

import dev.verifiedschema.compare.SchemaDiff;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.testing.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pg_dump as an oracle independent of the toolkit's catalog SQL: for every test set (and the TalentAI
 * set), at every version k with an undo script, the database at V(k-1) and the database after Vk and
 * Uk are compared twice, by their snapshots ({@link SchemaDiff}, what the stairway reports) and by
 * their normalised {@code pg_dump --schema-only} ({@link PgDump#normalise}); the two verdicts must
 * agree. What pg_dump shows and a snapshot deliberately does not is normalised away there and listed
 * in docs/stairway.md ("What a snapshot compares").
 */
@ExtendWith(TestServer.class)
class PgDumpOracleTest {
    private static final String SCHEMA = "public";
    private static final SchemaInspector INSPECTOR = SchemaInspector.create();
    /** The TalentAI set, from this module's directory (Maven runs the tests there). */
    private static final Path TALENTAI = Path.of("..", "migration-tests", "src", "main", "resources", "db", "migration");

    /** One undo compared both ways. */
    private record Verdict(String where, List<String> dumpBefore, List<String> dumpAfter, SchemaDiff diff) {
        boolean dumpEqual() {
            return dumpBefore.equals(dumpAfter);
        }

        String disagreement() {
            List<String> gone = new ArrayList<>(dumpBefore);
            gone.removeAll(dumpAfter);
            List<String> came = new ArrayList<>(dumpAfter);
            came.removeAll(dumpBefore);
            return where + ": pg_dump says " + (dumpEqual() ? "equal" : "different (only before: " + gone
                    + "; only after: " + came + ")") + ", the snapshots say " + diff.describe();
        }
    }

    @Test
    void theStairwaysVerdictOnEveryUndoOfEveryTestSetAgreesWithPgDumps(PostgresServer shared) throws Exception {
        PgDump pgDump = PgDump.find();
        List<Path> sets = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(setsDirectory())) {
            dirs.filter(Files::isDirectory).sorted().forEach(sets::add);
        }
        assertThat(TALENTAI.resolve("V1__users_baseline.sql"))
                .as("the TalentAI set, read from the migration-tests module next to this one").exists();
        sets.add(TALENTAI);

        List<Verdict> verdicts = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<String, State> states = new ConcurrentHashMap<>();
        try (EmbeddedPostgres server = DumpServer.start(pgDump, major(shared.dataSource("postgres")))) {
            // two sets at a time: most of the time goes to pg_dump and the server, each a process of its own
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<Verdict>>> climbs = new ArrayList<>();
                for (Path set : sets) {
                    Optional<MigrationSet> loaded = load(set, refused);
                    loaded.ifPresent(s -> climbs.add(pool.submit(() -> compare(server, pgDump, set, s, states))));
                }
                for (Future<List<Verdict>> climb : climbs) {
                    verdicts.addAll(climb.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }

        assertThat(verdicts.stream().filter(v -> v.dumpEqual() != v.diff().isEmpty()).map(Verdict::disagreement))
                .as("undo steps where pg_dump and the snapshots disagree").isEmpty();
        // not vacuous: the broken sets are seen as broken by both, the good ones as good
        assertThat(verdicts).filteredOn(v -> !v.dumpEqual()).extracting(Verdict::where)
                .contains("undo-leaves-index V2", "undo-leaves-enum V3", "undo-leaves-function V3",
                        "undo-leaves-column V3", "undo-leaves-extension V2", "undo-sets-search-path V2",
                        "undo-renames-sequence V2", "undo-check-not-valid V2", "undo-swaps-unique-columns V2",
                        "undo-plain-index V2", "undo-drops-default V2");
        assertThat(verdicts).filteredOn(Verdict::dumpEqual).extracting(Verdict::where)
                .contains("good V1", "good V2", "good V3", "migration V6");
        assertThat(refused).as("sets the stairway refuses before running anything").contains("bad-names",
                "duplicate-version");
    }

    private static Path setsDirectory() throws URISyntaxException {
        return Path.of(PgDumpOracleTest.class.getResource("/sets").toURI());
    }

    private static Optional<MigrationSet> load(Path set, List<String> refused) {
        try {
            return Optional.of(MigrationSet.load(List.of(set.toString())));
        } catch (MigrationSetException e) {
            refused.add(set.getFileName().toString()); // refused by the stairway too: nothing to compare
            return Optional.empty();
        }
    }

    /** A schema as both oracles see it, or one of the two markers of a script that failed to make it. */
    private record State(List<String> dump, SchemaSnapshot snapshot) {
        static final State FORWARD_FAILED = new State(List.of("forward failed"), null);
        static final State UNDO_FAILED = new State(List.of("undo failed"), null);
    }

    /**
     * Climbs the set and compares each undo, run on the database at its version, with the
     * state before that version. The sets are variants of one another: a state is read once for all
     * sets whose scripts up to it are the same text ({@code states}, keyed by that text), and the set's
     * database is only climbed as far as a state not read before needs (two sets read at once may both
     * read a state: the cache saves time, it decides nothing).
     */
    private static List<Verdict> compare(EmbeddedPostgres server, PgDump pgDump, Path dir, MigrationSet set,
                                         Map<String, State> states) throws Exception {
        String name = dir.getFileName().toString();
        Climb climb = new Climb(server, pgDump, "oracle_" + name.replaceAll("\\W", "_"), set);
        List<Verdict> verdicts = new ArrayList<>();
        try {
            String key = otherFiles(dir);
            String previousKey = "empty";
            MigrationVersion previous = null;
            List<MigrationScript> forwards = set.forwards();
            MigrationVersion head = forwards.isEmpty() ? null : forwards.get(forwards.size() - 1).version();
            for (MigrationScript forward : set.forwards()) {
                String beforeKey = previousKey;
                MigrationVersion beforeVersion = previous;
                key += "\0V" + forward.version() + "\0" + forward.sql();
                previousKey = key;
                previous = forward.version();
                Optional<MigrationScript> undo = set.undo(forward.version());
                if (undo.isEmpty()) {
                    continue;
                }
                State before = cached(states, beforeKey, () -> climb.to(beforeVersion));
                State undone = cached(states, key + "\0U" + undo.get().sql(),
                        () -> climb.undo(forward.version(), undo.get(), forward.version().equals(head)));
                if (before == State.FORWARD_FAILED || undone == State.FORWARD_FAILED) {
                    break; // a forward script that fails: the stairway stops the set there too
                }
                if (undone != State.UNDO_FAILED) { // an undo that fails is a finding of its own, not a residue
                    verdicts.add(new Verdict(name + " V" + forward.version(), before.dump(), undone.dump(),
                            SchemaDiff.between(before.snapshot(), undone.snapshot())));
                }
            }
        } finally {
            climb.close();
        }
        return verdicts;
    }

    private static State cached(Map<String, State> states, String key, Callable<State> read) throws Exception {
        State state = states.get(key);
        if (state == null) {
            state = read.call();
            states.put(key, state);
        }
        return state;
    }

    /** The text of a set's files other than its versioned scripts (repeatables, callbacks, configuration). */
    private static String otherFiles(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!file.getFileName().toString().matches("[VU][^_]+__.*\\.sql")) {
                    text.append(dir.relativize(file)).append('\0').append(Files.readString(file)).append('\0');
                }
            }
        }
        return text.toString();
    }

    /** A set's own database, created and migrated only as far as a state not read before needs. */
    private static final class Climb {
        private final EmbeddedPostgres server;
        private final PgDump pgDump;
        private final String database;
        private final MigrationSet set;
        private boolean created;
        /** The version the database is at, once migrated. */
        private MigrationVersion at;

        Climb(EmbeddedPostgres server, PgDump pgDump, String database, MigrationSet set) {
            this.server = server;
            this.pgDump = pgDump;
            this.database = database;
            this.set = set;
        }

        /** The state at a version, or of the empty database for {@code null}. */
        State to(MigrationVersion version) throws Exception {
            return version == null ? read(database()) : migrate(version) ? read(database) : State.FORWARD_FAILED;
        }

        /** Migrates the database to the version unless it is there; false when Flyway fails. */
        private boolean migrate(MigrationVersion version) throws SQLException {
            if (!version.equals(at)) {
                try {
                    Flyways.configure(server.getDatabase("postgres", database()), set.locations(), SCHEMA)
                            .target(version.toString()).load().migrate();
                } catch (FlywayException e) {
                    return false;
                }
                at = version;
            }
            return true;
        }

        /**
         * The state after the undo, run on the database at its version, which is then brought back to
         * that version for the climb to go on, unless it is the set's head: the version's row is taken
         * out of Flyway's history and Flyway runs the version again (a tenth of what a clone of the
         * database costs), or, when that fails (an undo that left something the forward script trips
         * on), the database is built again from nothing.
         */
        State undo(MigrationVersion version, MigrationScript undo, boolean head) throws Exception {
            if (!migrate(version)) {
                return State.FORWARD_FAILED;
            }
            DataSource db = server.getDatabase("postgres", database);
            if (!runs(db, undo)) {
                return State.UNDO_FAILED; // rolled back: still at the version
            }
            State undone = read(database);
            at = null;
            if (!head && !(forget(db, version) && migrate(version))) {
                execute(server.getPostgresDatabase(), "DROP DATABASE " + database + " WITH (FORCE)");
                created = false;
                at = null;
                migrate(version);
            }
            return undone;
        }

        /** Takes the version's row out of Flyway's history; false unless there was exactly one. */
        private static boolean forget(DataSource db, MigrationVersion version) throws SQLException {
            try (Connection connection = db.getConnection(); PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + SCHEMA + "." + SchemaSnapshot.FLYWAY_HISTORY_TABLE + " WHERE version = ?")) {
                delete.setString(1, version.toString());
                return delete.executeUpdate() == 1;
            }
        }

        private String database() throws SQLException {
            if (!created) {
                execute(server.getPostgresDatabase(), "CREATE DATABASE " + database);
                created = true;
            }
            return database;
        }

        private State read(String name) throws Exception {
            return new State(PgDump.normalise(pgDump.dump(server.getPort(), "postgres", name), SCHEMA),
                    inspect(server.getDatabase("postgres", name)));
        }

        void close() throws SQLException {
            if (created) {
                execute(server.getPostgresDatabase(), "DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }

    /**
     * Runs an undo script statement by statement, in one transaction unless it holds a statement that
     * cannot run in one ({@code CONCURRENTLY}); false if a statement fails (the stairway reports that,
     * not a residue), and then nothing of it stays.
     */
    private static boolean runs(DataSource db, MigrationScript undo) throws SQLException {
        List<SqlStatements.Statement> statements = SqlStatements.split(undo.sql());
        boolean transaction = statements.stream().noneMatch(s -> s.sql().toUpperCase(Locale.ROOT).contains("CONCURRENTLY"));
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(!transaction);
            try {
                for (SqlStatements.Statement sql : statements) {
                    statement.execute(sql.sql());
                }
                if (transaction) {
                    connection.commit();
                }
                return true;
            } catch (SQLException e) {
                if (transaction) {
                    connection.rollback();
                    return false;
                }
                throw new IllegalStateException(undo.fileName() + " failed outside a transaction, part of it ran: "
                        + e.getMessage(), e);
            }
        }
    }

    private static SchemaSnapshot inspect(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection()) {
            return INSPECTOR.inspect(connection, SCHEMA);
        }
    }

    private static int major(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        }
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
