package dev.verifiedschema.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static dev.verifiedschema.cli.CliHarness.CONTRACT;
import static dev.verifiedschema.cli.CliHarness.MIGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that look at a production database never write to it: they work with a role that may
 * only connect and read, their sessions are read-only on the server's side, and they carry timeouts
 * and a name a DBA can see.
 */
class ProductionSafetyTest {
    private static CliHarness cli;
    private static String production;

    @BeforeAll
    static void start() throws Exception {
        cli = new CliHarness();
        production = cli.production("6");
        try (Connection c = cli.server().dataSource(production).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS vs_readonly_probe");
            s.execute("CREATE ROLE vs_readonly_probe LOGIN");
            s.execute("GRANT CONNECT ON DATABASE " + production + " TO vs_readonly_probe");
            s.execute("GRANT USAGE ON SCHEMA public TO vs_readonly_probe");
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO vs_readonly_probe");
            s.execute("ALTER ROLE vs_readonly_probe SET default_transaction_read_only = on");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        cli.server().dropDatabase(production);
        try (Connection c = cli.server().dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS vs_readonly_probe");
        }
        cli.close();
    }

    @Test
    void everyReadingCommandWorksWithARoleThatMayOnlyConnectAndRead() {
        String url = cli.url(production);
        List<List<String>> commands = List.of(
                List.of("check", "--contract", CONTRACT.toString()),
                List.of("drift", "--migrations", MIGRATIONS.toString(), "--contract", CONTRACT.toString()),
                List.of("rehearse", "--migrations", MIGRATIONS.toString(), "--contract", CONTRACT.toString()),
                List.of("status", "--migrations", MIGRATIONS.toString()),
                List.of("history"),
                List.of("snapshot"));
        for (List<String> command : commands) {
            String[] args = java.util.stream.Stream.concat(command.stream(),
                    java.util.stream.Stream.of("--url", url, "--user", "vs_readonly_probe")).toArray(String[]::new);
            CliHarness.Run run = cli.run(args);
            assertThat(run.exitCode()).as(String.join(" ", command) + ":\n" + run.out() + run.err()).isZero();
        }
    }

    @Test
    void aReadingCommandsSessionIsReadOnlyWithTimeoutsAndItsName() throws Exception {
        DatabaseOptions db = new DatabaseOptions();
        db.url = cli.url(production) + (cli.url(production).contains("?") ? "&" : "?") + "options=-c%20work_mem=8MB";
        db.require("check");
        DatabaseOptions upgrade = new DatabaseOptions();
        upgrade.url = cli.url(production);
        upgrade.require("upgrade").writing();

        assertThat(settings(db)).containsEntry("default_transaction_read_only", "on")
                .containsEntry("statement_timeout", "1min").containsEntry("lock_timeout", "5s")
                .containsEntry("application_name", "verified-schema check")
                .as("the URL's own options are kept").containsEntry("work_mem", "8MB");
        assertThat(settings(upgrade)).containsEntry("default_transaction_read_only", "off")
                .containsEntry("statement_timeout", "0").containsEntry("application_name", "verified-schema upgrade");
    }

    private static Map<String, String> settings(DatabaseOptions db) throws Exception {
        try (Connection c = db.dataSource(Map.of()).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('default_transaction_read_only'), "
                     + "current_setting('statement_timeout'), current_setting('lock_timeout'), "
                     + "current_setting('application_name'), current_setting('work_mem')")) {
            rs.next();
            return Map.of("default_transaction_read_only", rs.getString(1), "statement_timeout", rs.getString(2),
                    "lock_timeout", rs.getString(3), "application_name", rs.getString(4), "work_mem", rs.getString(5));
        }
    }
}
