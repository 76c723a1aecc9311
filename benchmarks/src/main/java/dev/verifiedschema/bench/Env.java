package dev.verifiedschema.bench;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.provision.PostgresServer;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What every measure shares: the one embedded PostgreSQL server of the run, the repository root
 * (for the TalentAI set), a temp directory deleted at the end, and whether this is a quick run.
 */
final class Env {
    final PostgresServer server;
    final Path root;
    final Path temp;
    final boolean quick;

    Env(PostgresServer server, Path root, Path temp, boolean quick) {
        this.server = server;
        this.root = root;
        this.temp = temp;
        this.quick = quick;
    }

    /** The TalentAI migrations as a Flyway/stairway location. */
    String talentaiMigrations() {
        return "filesystem:" + root.resolve("migration-tests/src/main/resources/db/migration");
    }

    String talentaiFixtures() {
        return "filesystem:" + root.resolve("migration-tests/src/test/resources/fixtures/talentai");
    }

    Path talentaiContractPath() {
        return root.resolve("migration-tests/src/main/resources/talentai-contract.yaml");
    }

    Contract talentaiContract() {
        return ContractLoader.load(talentaiContractPath());
    }

    /** Runs SQL statements (separated by ";\n") on a database, in one transaction. */
    void execute(String database, String sql) throws SQLException {
        execute(server.dataSource(database), sql);
    }

    /** Runs SQL statements (separated by ";\n") on a database of any server, in one transaction. */
    static void execute(DataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : sql.split(";\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            c.commit();
        }
    }

    /** The command line that starts this same program in a child JVM with extra JVM options. */
    List<String> childCommand(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Bench.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a child JVM and returns its standard output; its standard error goes to ours. */
    String runChild(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(temp, "child", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int exit = process.waitFor();
        String text = Files.readString(out);
        if (exit != 0) {
            throw new IllegalStateException("child JVM " + command.get(command.size() - 1) + " exited with " + exit
                    + ":\n" + text);
        }
        return text;
    }

    /** The value of {@code key=} in a child's output line. */
    static String field(String output, String key) {
        for (String token : output.split("\\s+")) {
            if (token.startsWith(key + "=")) {
                return token.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key + "= in child output: " + output);
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
