package dev.verifiedschema.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher, {@code ./verified-schema}, as the README runs it: on the jar this build has just packaged. */
class LauncherIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("cli/target/verified-schema-cli.jar");

    @Test
    void theLauncherRecordsAClassArchiveOncePerBuildAndRunsMapTheToolkitFromIt(@TempDir Path dir) throws Exception {
        assertThat(run(Map.of(), "--version").exit()).isZero();
        List<Path> archives = archives();
        assertThat(archives).as("one archive for this jar and java").hasSize(1);
        assertThat(Files.getLastModifiedTime(archives.get(0))).isGreaterThan(Files.getLastModifiedTime(JAR));

        Path classes = dir.resolve("classes.log");
        Run verify = run(Map.of("VERIFIED_SCHEMA_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "verify", "--migrations", "migration-tests/src/main/resources/db/migration",
                "--contract", "migration-tests/src/main/resources/talentai-contract.yaml");

        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.err()).as("recorded once, not again").doesNotContain("recording the classes");
        assertThat(Files.readString(classes))
                .contains("dev.verifiedschema.migrate.Stairway source: shared objects file (top)")
                .contains("org.flywaydb.core.Flyway source: shared objects file (top)");
        assertThat(archives()).isEqualTo(archives);
    }

    @Test
    void withTheArchiveTurnedOffTheToolkitLoadsFromTheJar(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes.log");
        Run verify = run(Map.of("VERIFIED_SCHEMA_CDS", "false",
                        "VERIFIED_SCHEMA_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "verify", "--migrations", "migration-tests/src/main/resources/db/migration");

        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(Files.readString(classes)).contains("dev.verifiedschema.migrate.Stairway source: file:")
                .doesNotContain("dev.verifiedschema.migrate.Stairway source: shared objects file")
                .as("a text report loads no object mapper").doesNotContain("com.fasterxml.jackson.databind.ObjectMapper ");
    }

    @Test
    void theLauncherRunsTheJvmWithTheC1CompilerOnly() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("verified-schema").toString(), "--version")
                .directory(ROOT.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("VERIFIED_SCHEMA_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).isZero();
        assertThat(out).containsPattern("intx TieredStopAtLevel\\s+= 1\\s");
    }

    private static List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(JAR.getParent())) {
            return files.filter(f -> f.getFileName().toString().matches("verified-schema-cli-\\d+\\.jsa")).toList();
        }
    }

    record Run(int exit, String err) {
    }

    private static Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("verified-schema").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes());
        return new Run(process.waitFor(), err);
    }
}
