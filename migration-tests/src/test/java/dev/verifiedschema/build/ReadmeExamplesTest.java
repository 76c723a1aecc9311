package dev.verifiedschema.build;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's examples are what the toolkit accepts: its contract loads as it stands. */
class ReadmeExamplesTest {

    @Test
    void theReadmesContractLoads() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("# app-contract.yaml");
        String yaml = readme.substring(start, readme.indexOf("```", start));

        Contract contract = ContractLoader.parse(yaml, "README.md app-contract.yaml");

        assertThat(contract.tables()).containsKeys("users", "hm_transactions");
    }
}
