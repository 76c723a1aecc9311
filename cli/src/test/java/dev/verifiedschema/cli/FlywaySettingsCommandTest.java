package dev.verifiedschema.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --flyway-config} and {@code --placeholder} reach Flyway and the toolkit's own script runner. */
class FlywaySettingsCommandTest {
    private static final Path SETS = Path.of("..", "migration-verifier", "src", "test", "resources", "sets");
    private static final Path SETTINGS = SETS.resolve("flyway-settings");
    private static CliHarness cli;

    @BeforeAll
    static void start() {
        cli = new CliHarness();
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    @Test
    void verifyWithAFlywayConfPasses() {
        CliHarness.Run run = cli.run("verify", "--migrations", SETTINGS.toString(),
                "--flyway-config", SETTINGS.resolve("flyway.conf").toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(run.out()).contains("(2 versions)", "every forward, undo and redo step held", "\"fullDowngrade\" : \"passed\"");
    }

    @Test
    void verifyWithoutThePlaceholdersNamesTheFirstScriptAndKey() {
        CliHarness.Run run = cli.run("verify", "--migrations", SETTINGS.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("V1 forward (V1__accounts.sql)", "V1__accounts.sql line 1, column 14",
                "no value for the placeholder ${table_prefix}", "--placeholder table_prefix=VALUE");
    }

    @Test
    void placeholdersGivenOnTheCommandLineWinOverTheTomlFile() {
        String[] toml = {"verify", "--migrations", SETTINGS.toString(), "--flyway-config",
                SETTINGS.resolve("flyway.toml").toString()};
        CliHarness.Run fromFile = cli.run(toml);
        CliHarness.Run overridden = cli.run(Stream.concat(Stream.of(toml), Stream.of("--placeholder", "session_days=many"))
                .toArray(String[]::new));

        assertThat(fromFile.exitCode()).as(fromFile.out() + fromFile.err()).isEqualTo(0);
        assertThat(overridden.exitCode()).isEqualTo(1);
        assertThat(overridden.out()).contains("V2 forward (V2__sessions.sql)", "invalid input syntax for type interval",
                "many days");
    }

    @Test
    void aMixedSettingInTheConfigFileTakesEffect(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("flyway.conf"), "flyway.mixed=true\n");
        String migrations = SETS.resolve("mixed-concurrently").toString();

        CliHarness.Run refused = cli.run("verify", "--migrations", migrations);
        CliHarness.Run mixed = cli.run("verify", "--migrations", migrations, "--flyway-config", conf.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("V3 forward (V3__shipping.sql)", "the database is at V2");
        assertThat(mixed.exitCode()).as(mixed.out() + mixed.err()).isEqualTo(0);
    }

    @Test
    void anUnknownFlywaySettingIsBadInputNamingTheFile(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("flyway.conf"), "flyway.mixd=true\n");

        CliHarness.Run run = cli.run("verify", "--migrations", SETTINGS.toString(), "--flyway-config", conf.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(conf.toAbsolutePath().toString(), "flyway.mixd");
    }

    @Test
    void upgradeAndDowngradeOfALiveDatabaseUseTheSameSettings() {
        String production = cli.production(null);
        try {
            String[] settings = {"--url", cli.url(production), "--migrations", SETTINGS.toString(),
                    "--flyway-config", SETTINGS.resolve("flyway.conf").toString()};

            CliHarness.Run upgrade = cli.run(Stream.concat(Stream.of("upgrade"), Stream.of(settings)).toArray(String[]::new));
            CliHarness.Run down = cli.run(Stream.concat(Stream.of("downgrade"),
                    Stream.concat(Stream.of(settings), Stream.of("--steps", "2", "--yes"))).toArray(String[]::new));

            assertThat(upgrade.exitCode()).as(upgrade.out() + upgrade.err()).isEqualTo(0);
            assertThat(upgrade.out()).contains("Applied 2 migration(s)");
            assertThat(down.exitCode()).as(down.out() + down.err()).isEqualTo(0);
            assertThat(down.out()).contains("Undid 2 version(s): V2, V1.");
        } finally {
            cli.server().dropDatabase(production);
        }
    }
}
