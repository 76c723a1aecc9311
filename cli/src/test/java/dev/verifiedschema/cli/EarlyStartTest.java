package dev.verifiedschema.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EarlyStartTest {
    @Test
    void verifyOnEmbeddedPostgresStartsItsServerBeforeTheOptionsAreParsed() {
        assertThat(EarlyStart.settingsFor(new String[]{"verify", "--migrations", "db/migration"}))
                .contains(VerifyCommand.embeddedSettings(0));
        assertThat(EarlyStart.settingsFor(new String[]{"verify", "--pg-version", "16", "--migrations", "m"}))
                .as("the major the command will ask for").contains(VerifyCommand.embeddedSettings(16));
        assertThat(EarlyStart.settingsFor(new String[]{"verify", "--pg-version=15"}))
                .contains(VerifyCommand.embeddedSettings(15));
    }

    @Test
    void nothingStartsEarlyWhereTheCommandWouldNotStartEmbeddedPostgres() {
        String[][] none = {{}, {"check", "--contract", "c.yaml"}, {"verify", "--url", "jdbc:postgresql://db/app"},
            {"verify", "--url=jdbc:postgresql://db/app"}, {"verify", "--help"}, {"verify", "-h"}, {"--version"},
            {"verify", "--pg-version", "sixteen"}, {"lint", "--migrations", "m"}};
        for (String[] args : none) {
            assertThat(EarlyStart.settingsFor(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
