package dev.verifiedschema.migrate;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlywaySettingsTest {

    @Test
    void aSettingFlywayDoesNotKnowIsRefusedNamingTheSourceAndTheSetting() {
        assertThatThrownBy(() -> FlywaySettings.parse("ops/flyway.conf", "flyway.mixd=true\n"))
                .isInstanceOf(MigrationSetException.class)
                .hasMessageContaining("ops/flyway.conf")
                .hasMessageContaining("Unknown configuration property: flyway.mixd");
        assertThatThrownBy(() -> FlywaySettings.parse("ops/flyway.toml", "[flyway]\nsqlMigrationPrefx = \"M\"\n"))
                .hasMessageContaining("flyway.sqlMigrationPrefx");
    }

    @Test
    void aTomlSyntaxErrorIsNamedWithLineAndColumn() {
        assertThatThrownBy(() -> FlywaySettings.parse("ops/flyway.toml", "[flyway]\nmixed = = true\n"))
                .isInstanceOf(MigrationSetException.class)
                .hasMessageContaining("ops/flyway.toml:2:")
                .hasMessageContaining("not valid TOML");
    }

    @Test
    void whatTheToolkitDecidesIsDroppedAndNamed() {
        FlywaySettings settings = FlywaySettings.parse("flyway.toml", """
                [flyway]
                locations = ["filesystem:sql"]
                defaultSchema = "billing"
                table = "schema_history"
                mixed = true
                sqlMigrationSuffixes = [".sql", ".pgsql"]
                """);

        assertThat(settings.properties()).containsOnly(Map.entry("flyway.mixed", "true"),
                Map.entry("flyway.sqlMigrationSuffixes", ".sql,.pgsql"));
        assertThat(settings.ignored()).containsExactlyInAnyOrder("flyway.locations", "flyway.defaultSchema", "flyway.table");
        assertThat(settings.configuration().getSqlMigrationSuffixes()).containsExactly(".sql", ".pgsql");
    }

    @Test
    void namesWithoutTheFlywayPrefixGetItAndSecretsAreMaskedInText() {
        FlywaySettings settings = FlywaySettings.of(Map.of("executeInTransaction", "false",
                "placeholders.api_key", "s3cret"));

        assertThat(settings.properties()).containsKeys("flyway.executeInTransaction", "flyway.placeholders.api_key");
        assertThat(settings.configuration().isExecuteInTransaction()).isFalse();
        assertThat(settings.toString()).doesNotContain("s3cret");
        assertThat(FlywaySettings.knownNames()).contains("flyway.mixed", "flyway.sqlMigrationPrefix",
                "flyway.placeholderReplacement", FlywaySettings.UNDO_PREFIX);
    }
}
