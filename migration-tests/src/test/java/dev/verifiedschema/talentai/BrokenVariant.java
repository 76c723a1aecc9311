package dev.verifiedschema.talentai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A broken variant of the TalentAI set: a folder under {@code broken/} holds only the scripts that
 * differ from the real set (a changed script, or an added one); this lays them over a copy of the
 * real set in a temporary directory, so the variants never drift from the set they break.
 */
final class BrokenVariant implements AutoCloseable {
    static final Path REAL = Path.of("src", "main", "resources", "db", "migration");
    static final Path BROKEN = Path.of("src", "test", "resources", "broken");

    private final Path dir;

    private BrokenVariant(Path dir) {
        this.dir = dir;
    }

    /** The real set with the variant's scripts laid over it. */
    static BrokenVariant of(String name) {
        try {
            Path dir = Files.createTempDirectory("broken-" + name + "-");
            copySql(REAL, dir);
            copySql(BROKEN.resolve(name), dir);
            return new BrokenVariant(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lay out the broken variant " + name, e);
        }
    }

    /** The composed set's location, for {@code MigrationSet.load}. */
    String location() {
        return "filesystem:" + dir.toAbsolutePath();
    }

    private static void copySql(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
