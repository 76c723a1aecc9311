package dev.verifiedschema.build;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's GitHub workflow runs what every CI run of the project runs: .ci/run, README's two commands. */
class CiWorkflowTest {
    private static final Path ROOT = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowRunsTheCiEntryPoint() throws IOException {
        Map<String, Object> workflow = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(ROOT.resolve(".github/workflows/ci.yml")));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("verify")).get("steps");

        assertThat(steps).extracting(step -> step.get("run")).contains("bash .ci/run");
    }

    @Test
    void theCiEntryPointRunsTheReadmesTwoCommands() throws IOException {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        String quickStart = readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## Quick start") + 700);

        assertThat(quickStart).contains("./verified-schema verify --migrations migration-tests/src/main/resources/db/migration "
                + "--contract migration-tests/src/main/resources/talentai-contract.yaml", "./mvnw -B verify");
        assertThat(ci.replace("\\\n    ", "")).contains("./verified-schema verify --migrations "
                + "migration-tests/src/main/resources/db/migration --contract "
                + "migration-tests/src/main/resources/talentai-contract.yaml", "./mvnw -B verify");
    }
}
