package dev.verifiedschema.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A migration set made by laying a variant over a base set. The variant's directory holds only what
 * differs: scripts that replace the base's script of the same name or add to them, and, in a marker
 * file {@value #MARKER}, the base scripts it drops. So a variant shows its one change at a glance and
 * never drifts from the set it varies.
 *
 * <pre>
 * sets/missing-undo/variant.properties     # The good set without U2: V2 has no undo script.
 *                                          over: good
 *                                          drop: U2__orders.sql
 * </pre>
 *
 * <p>Two uses. A test lays a variant over a base it names into a temporary directory deleted on
 * {@link #close()} ({@link #over}): the CLI's tests and the proof suite lay {@code broken/*} over
 * the TalentAI set this way. The engine's build lays out every variant directory whose marker names
 * its base ({@code over: good}, a sibling set) into the test classes ({@link #main}), so that
 * {@code classpath:sets/<variant>} is a whole set for every test and for the test-jar's users, and
 * the messages name {@code classpath:sets/<variant>/...} as before. Only {@code .sql} files are laid
 * out; a directory without a marker is a whole set and is left as it is.
 */
public final class VariantSet implements AutoCloseable {
    /** The marker file of a variant: {@code over: <base set>} and {@code drop: <script>, ...}. */
    public static final String MARKER = "variant.properties";

    private static final Set<String> KEYS = Set.of("over", "drop");

    private final Path directory;

    private VariantSet(Path directory) {
        this.directory = directory;
    }

    /**
     * The base set's scripts with the variant's laid over them, in a new temporary directory named
     * after the variant and its folder ({@code broken/undo-fails} in {@code /tmp/broken-undo-fails-…}).
     */
    public static VariantSet over(Path base, Path variant) {
        try {
            Path named = variant.toAbsolutePath().normalize();
            Path folder = named.getParent() == null ? null : named.getParent().getFileName();
            Path dir = Files.createTempDirectory((folder == null ? "" : folder + "-") + named.getFileName() + "-");
            VariantSet set = new VariantSet(dir);
            try {
                layOut(base, variant, dir);
            } catch (RuntimeException | IOException e) {
                set.close();
                throw e;
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lay the variant " + variant + " over " + base, e);
        }
    }

    /** The directory that holds the whole set. */
    public Path directory() {
        return directory;
    }

    /** The whole set's location, for {@code MigrationSet.load} or Flyway. */
    public String location() {
        return "filesystem:" + directory.toAbsolutePath();
    }

    /** Deletes the directory and what it holds; a second call does nothing. */
    @Override
    public void close() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }

    /**
     * The build step: {@code VariantSet <sets directory> <output directory>} lays every variant of
     * the sets directory whose marker names a base out whole, in the output directory's folder of the
     * same name (replacing what is there).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: VariantSet <sets directory> <output directory>");
        }
        layOutAll(Path.of(args[0]), Path.of(args[1]));
    }

    /** Lays out every variant under {@code sets} whose marker names its base, into {@code output}. */
    static List<String> layOutAll(Path sets, Path output) throws IOException {
        List<String> laidOut = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(sets)) {
            for (Path variant : dirs.filter(d -> Files.isRegularFile(d.resolve(MARKER))).sorted().toList()) {
                String over = marker(variant).getProperty("over");
                if (over == null || over.isBlank()) {
                    throw new IllegalStateException(variant.resolve(MARKER) + ": name the set this variant is "
                            + "laid over, e.g. 'over: good'");
                }
                Path base = sets.resolve(over.strip());
                if (!Files.isDirectory(base) || Files.exists(base.resolve(MARKER))) {
                    throw new IllegalStateException(variant.resolve(MARKER) + ": over: " + over.strip()
                            + " must name a whole set beside it (a directory under " + sets + " without "
                            + MARKER + ")");
                }
                Path into = output.resolve(variant.getFileName().toString());
                if (Files.isDirectory(into)) {
                    new VariantSet(into).close();
                }
                Files.createDirectories(into);
                layOut(base, variant, into);
                laidOut.add(variant.getFileName().toString());
            }
        }
        return laidOut;
    }

    /** Copies the base's scripts but the dropped ones, then the variant's, into {@code into}. */
    static void layOut(Path base, Path variant, Path into) throws IOException {
        if (!Files.isDirectory(variant)) {
            throw new IllegalArgumentException("The variant " + variant.toAbsolutePath().normalize()
                    + " does not exist");
        }
        TreeMap<String, Path> scripts = scripts(base);
        for (String drop : drops(variant)) {
            if (scripts.remove(drop) == null) {
                throw new IllegalStateException(variant.resolve(MARKER) + ": drop: " + drop + " is not a script of "
                        + base + " (it has " + String.join(", ", scripts(base).keySet()) + ")");
            }
        }
        scripts.putAll(scripts(variant));
        for (Path script : scripts.values()) {
            Files.copy(script, into.resolve(script.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<String> drops(Path variant) throws IOException {
        if (!Files.isRegularFile(variant.resolve(MARKER))) {
            return List.of();
        }
        String drop = marker(variant).getProperty("drop", "");
        return Arrays.stream(drop.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Properties marker(Path variant) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(variant.resolve(MARKER), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalStateException(variant.resolve(MARKER) + ": unknown key '" + key
                        + "'; a variant knows 'over' (the set it is laid over) and 'drop' (scripts of that set "
                        + "it leaves out, separated by commas)");
            }
        }
        return properties;
    }

    private static TreeMap<String, Path> scripts(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("The set " + dir.toAbsolutePath().normalize() + " does not exist");
        }
        TreeMap<String, Path> scripts = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".sql") && Files.isRegularFile(f))
                    .forEach(f -> scripts.put(f.getFileName().toString(), f));
        }
        return scripts;
    }
}
