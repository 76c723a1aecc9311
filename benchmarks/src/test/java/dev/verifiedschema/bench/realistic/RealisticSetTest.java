package dev.verifiedschema.bench.realistic;

import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.Stairway;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realistic 300-version set: the committed files are the generator's output, a prefix is the
 * smaller set, and the stairway passes on it (the first {@value #PROVEN_IN_THE_BUILD} versions here;
 * P10 runs all of them).
 */
class RealisticSetTest {
    /**
     * The full stairway of 300 versions takes 20-45 s in a fresh JVM on the shared machine, so the build
     * proves the first 120, which hold every kind of version of the set; P10 proves all 300 each time it runs.
     */
    static final int PROVEN_IN_THE_BUILD = 120;

    @Test
    void theCommittedFilesAreTheGeneratorsOutput() throws IOException {
        Map<String, String> committed = read(Path.of("..").resolve(RealisticSet.COMMITTED));
        Map<String, String> generated = new TreeMap<>();
        for (Migration m : RealisticSet.migrations(RealisticSet.VERSIONS)) {
            generated.put(m.forwardFile(), m.forward());
            generated.put(m.undoFile(), m.undo());
        }

        assertThat(committed.keySet()).as("files in %s; regenerate with RealisticSet's main", RealisticSet.COMMITTED)
                .containsExactlyElementsOf(generated.keySet());
        generated.forEach((file, text) -> assertThat(committed.get(file)).as(file).isEqualTo(text));
    }

    @Test
    void theFirstVersionsOfTheSetAreTheSmallerSet() {
        List<Migration> all = RealisticSet.migrations(RealisticSet.VERSIONS);

        assertThat(RealisticSet.migrations(150)).isEqualTo(all.subList(0, 150));
        assertThat(all).extracting(Migration::version).doesNotHaveDuplicates().hasSize(300);
    }

    @Test
    void withDottedVersionsAFewVersionsAreSpelledAsFlywaysPointReleasesInTheSameOrder() {
        List<Migration> plain = RealisticSet.migrations(RealisticSet.VERSIONS, false);
        List<Migration> dotted = RealisticSet.migrations(RealisticSet.VERSIONS, true);

        assertThat(dotted.get(36).forwardFile()).isEqualTo("V36_1__" + plain.get(36).description() + ".sql");
        assertThat(dotted.get(36).undoFile()).startsWith("U36_1__");
        assertThat(dotted).filteredOn(m -> m.spelling().contains("_")).hasSize(RealisticSet.DOTTED.size());
        assertThat(dotted).extracting(Migration::forward).isEqualTo(plain.stream().map(Migration::forward).toList());
    }

    @Test
    void theStairwayPassesOnTheSet(@TempDir Path dir) throws IOException {
        RealisticSet.write(dir, PROVEN_IN_THE_BUILD);
        try (SharedServers.Lease lease = SharedServers.acquire(
                new ServerSettings(ProviderKind.EMBEDDED, null, null, null, 0, null))) {
            String db = lease.server().createDatabase(null);
            try {
                long start = System.nanoTime();
                StairwayReport report = Stairway.of(MigrationSet.load(List.of("filesystem:" + dir)))
                        .run(lease.server().dataSource(db));
                System.err.println("stairway of " + PROVEN_IN_THE_BUILD + " versions: "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");

                assertThat(report.passed()).as(report.describe()).isTrue();
                assertThat(report.steps()).hasSize(PROVEN_IN_THE_BUILD);
                assertThat(report.fullDowngrade()).isEqualTo("passed");
            } finally {
                lease.server().dropDatabase(db);
            }
        }
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> paths = Files.list(dir)) {
                for (Path p : paths.toList()) {
                    files.put(p.getFileName().toString(), Files.readString(p));
                }
            }
        }
        return files;
    }
}
