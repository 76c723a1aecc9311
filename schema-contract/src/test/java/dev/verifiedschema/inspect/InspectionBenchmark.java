package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.testing.SharedPostgres;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * Development utility, not a test (Surefire does not run it): times {@link SchemaInspector} on a
 * generated schema of {@code N} tables (each with a bigint primary key, a foreign key to the previous
 * table, one extra index and 8 columns) and, when {@code pg_dump} is on the PATH, times
 * {@code pg_dump --schema-only} of the same database for comparison. Run it with the test classpath:
 * <pre>
 * ./mvnw -q -pl schema-contract test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx256m -cp schema-contract/target/classes:schema-contract/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.verifiedschema.inspect.InspectionBenchmark 1000 10
 * </pre>
 */
public final class InspectionBenchmark {
    private InspectionBenchmark() {
    }

    /**
     * Runs the measurement.
     *
     * @param args number of tables (default 1000) and number of timed inspections (default 10)
     * @throws Exception when the database cannot be prepared
     */
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        DataSource db = SharedPostgres.freshDatabase();
        SharedPostgres.execute(db, schemaSql(tables));
        SchemaInspector inspector = SchemaInspector.create();
        try (Connection connection = db.getConnection()) {
            for (int i = 0; i < rounds; i++) {
                long started = System.nanoTime();
                SchemaSnapshot snapshot = inspector.inspect(connection, "public");
                System.out.printf("inspect #%d: %.1f ms, %d tables%n",
                        i + 1, (System.nanoTime() - started) / 1e6, snapshot.tables().size());
            }
        }
        timePgDump(db);
    }

    private static void timePgDump(DataSource db) throws Exception {
        String database;
        try (Connection connection = db.getConnection()) {
            database = connection.getCatalog();
        }
        String port = Integer.toString(SharedPostgres.server().getPort());
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            Process dump = new ProcessBuilder("pg_dump", "--schema-only", "-h", "localhost", "-p", port,
                    "-U", "postgres", database)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int exit = dump.waitFor();
            System.out.printf("pg_dump --schema-only #%d: %.1f ms (exit %d)%n",
                    i + 1, (System.nanoTime() - started) / 1e6, exit);
        }
    }

    private static String schemaSql(int tables) {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= tables; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, ")
                    .append(i == 1 ? "prev_id bigint, " : "prev_id bigint REFERENCES t" + (i - 1) + " (id), ")
                    .append("name varchar(100) NOT NULL, amount numeric(12,2), created_at timestamptz DEFAULT now(), ")
                    .append("flag boolean, note text, code integer);\n")
                    .append("CREATE INDEX t").append(i).append("_name_idx ON t").append(i).append(" (name);\n");
        }
        return sql.toString();
    }
}
