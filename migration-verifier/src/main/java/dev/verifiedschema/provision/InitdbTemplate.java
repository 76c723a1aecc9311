package dev.verifiedschema.provision;

import io.zonky.test.db.postgres.util.ArchUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A freshly initialised data directory kept per PostgreSQL binaries, copied into a new server's data
 * directory instead of running {@code initdb} again. {@code initdb} costs about half a second of every
 * embedded start (it bootstraps the catalogs and runs the post-bootstrap SQL); copying its output, about
 * 23 MB, costs 90 to 200 ms. What {@code initdb} writes depends on the binaries, the options the embedded
 * provider always passes ({@code -A trust -U postgres -E UTF-8 --wal-segsize=1}) and the locale it takes
 * from the environment ({@link #locale()}), so a template made by one server serves every later server of
 * the same binaries and locale, in this JVM and the next ones.
 *
 * <p>The binaries are identified by the content of the archive zonky extracts them from: the CRC-32 and
 * size that the jar's directory records for {@code postgres-<os>-<arch>.txz} (and its Alpine Linux
 * variant when that is there too), on the classpath or in the
 * {@link EmbeddedBinaries} jar. Nothing is read from the archive itself.
 *
 * <p>Templates live next to zonky's extracted binaries ({@code <java.io.tmpdir>/embedded-pg}, or zonky's
 * {@code ot.epg.working-dir}) as {@code verified-schema-initdb-<key>}. One is written by the first server
 * of its binaries, into a directory of its own that is then renamed, so a reader sees a complete template
 * or none; the server's lock file is left out. The {@value #KEEP} templates used last are kept, older
 * ones are deleted when a new one is written. A copy that does not start is deleted with its template,
 * and that server starts from {@code initdb} as before. {@value #PROPERTY}{@code =false} turns it off.
 */
final class InitdbTemplate {
    static final String PROPERTY = "verifiedschema.embedded.initdbTemplate";
    static final int KEEP = 3;
    private static final String PREFIX = "verified-schema-initdb-";
    /** What the embedded server's initdb options are, for the template's name: 1 MB WAL segments. */
    private static final String INITDB_OPTIONS = "wal1";
    /** zonky's lock file in a data directory: it belongs to one server, never to a template. */
    private static final String LOCK_FILE = "epg-lock";
    private static final Logger LOG = LoggerFactory.getLogger(InitdbTemplate.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Path directory;

    InitdbTemplate(Path directory) {
        this.directory = directory;
    }

    /** The template for the binaries a server will start from, when templates are on and the binaries are found. */
    static Optional<InitdbTemplate> forBinaries(Optional<Path> binariesJar) {
        return keyFor(binariesJar).map(InitdbTemplate::of);
    }

    /** The template of a binaries key. */
    static InitdbTemplate of(String key) {
        return new InitdbTemplate(workingDirectory().resolve(PREFIX + INITDB_OPTIONS + "-" + locale() + "-" + key));
    }

    /**
     * What initdb takes from the environment (zonky passes no locale): the cluster's collation and
     * character classes and the {@code lc_*} settings come from these variables, so a template made
     * under one locale serves only servers started under the same one.
     */
    static String locale() {
        StringBuilder environment = new StringBuilder();
        for (String name : List.of("LC_ALL", "LC_COLLATE", "LC_CTYPE", "LC_MESSAGES", "LC_MONETARY", "LC_NUMERIC",
                "LC_TIME", "LANG", "LANGUAGE")) {
            environment.append(name).append('=').append(System.getenv().getOrDefault(name, "")).append('\n');
        }
        return Integer.toHexString(environment.toString().hashCode());
    }

    /** The key of the binaries a server will start from, when templates are on and the binaries are found. */
    static Optional<String> keyFor(Optional<Path> binariesJar) {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").strip())) {
            return Optional.empty();
        }
        try {
            return key(binariesJar);
        } catch (IOException | RuntimeException e) {
            LOG.debug("No initdb template: the binaries could not be identified: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Where zonky extracts its binaries. */
    static Path workingDirectory() {
        String tmp = System.getProperty("java.io.tmpdir");
        return Path.of(System.getProperty("ot.epg.working-dir", Path.of(tmp, "embedded-pg").toString()));
    }

    /** The template's directory (which may not exist yet). */
    Path directory() {
        return directory;
    }

    /** Whether a complete template is there, made by this user (the directory is shared with other users). */
    boolean exists() {
        return Files.isRegularFile(directory.resolve("PG_VERSION")) && Files.isRegularFile(directory.resolve("postgresql.conf"))
                && ownedByThisUser(directory) && ownedByThisUser(directory.resolve("postgresql.conf"));
    }

    /**
     * Whether the user this JVM runs as owns a file (not following a link). zonky makes its working
     * directory writable by everyone, so what lies there is used only when this user put it there.
     */
    static boolean ownedByThisUser(Path path) {
        try {
            return Files.getOwner(path, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName()
                    .equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Copies the template into a data directory that does not exist yet.
     *
     * @return whether it was copied; on false the data directory is not there
     */
    boolean copyTo(Path dataDirectory) {
        boolean copied = copyInBackground(dataDirectory).map(CompletableFuture::join).orElse(false);
        if (!copied) {
            EmbeddedDataDirectory.deleteQuietly(dataDirectory);
        }
        return copied;
    }

    /**
     * Starts copying the template into a data directory that does not exist yet: the directory itself
     * (with its permissions) and {@code postgresql.conf} at once, so that zonky finds an initialised
     * directory and runs no {@code initdb}, and the rest on a thread of its own, while zonky reads its
     * binaries. The server must not start before the future is done.
     *
     * @return whether everything was copied, or empty when there is no template (or not even its top could be copied)
     */
    Optional<CompletableFuture<Boolean>> copyInBackground(Path dataDirectory) {
        if (!exists()) {
            return Optional.empty();
        }
        try {
            Files.copy(directory, dataDirectory, StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(directory.resolve("postgresql.conf"), dataDirectory.resolve("postgresql.conf"),
                    StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            LOG.debug("Could not copy the initdb template {} to {}: {}", directory, dataDirectory, e.toString());
            EmbeddedDataDirectory.deleteQuietly(dataDirectory);
            return Optional.empty();
        }
        CompletableFuture<Boolean> copied = new CompletableFuture<>();
        Daemon.start("verified-schema-initdb-template-copy", () -> {
            try {
                copy(directory, dataDirectory);
                touch();
                copied.complete(true);
                prune(directory.getParent()); // staging copies a killed run left, old templates
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not copy the initdb template {} to {}: {}", directory, dataDirectory, e.toString());
                copied.complete(false);
            }
        });
        return Optional.of(copied);
    }

    /** Keeps a copy of a data directory that {@code initdb} has just written, unless a template is there already. */
    void save(Path initialised) {
        if (exists()) {
            return;
        }
        Path parent = directory.getParent();
        Path staging = parent.resolve(directory.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet());
        try {
            Files.createDirectories(parent);
            copy(initialised, staging);
            try {
                Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
                LOG.debug("Saved the initdb template {}", directory);
                prune(parent);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException another) {
                LOG.debug("Another process saved the initdb template {} first", directory);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.debug("No initdb template: {} cannot be renamed atomically", parent);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not save the initdb template {}: {}", directory, e.toString());
        } finally {
            EmbeddedDataDirectory.deleteQuietly(staging);
        }
    }

    /** Deletes the template (its copy did not start). */
    void discard() {
        deleteShared(directory);
    }

    /**
     * Deletes a template other processes may be copying: renamed away first, so that a copy under way
     * fails (and its server starts from initdb) instead of finishing without what was already deleted.
     */
    static void deleteShared(Path template) {
        Path gone = template.resolveSibling(template.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet());
        try {
            Files.move(template, gone, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (Files.exists(template)) {
                LOG.debug("Could not move {} away to delete it: {}", template, e.toString());
            }
            return;
        }
        EmbeddedDataDirectory.deleteQuietly(gone);
    }

    private void touch() {
        try {
            Files.setLastModifiedTime(directory, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("Could not mark {} as used: {}", directory, e.toString());
        }
    }

    /** Keeps the {@value #KEEP} templates used last; deletes the others and staging copies of dead processes. */
    static void prune(Path parent) {
        try (Stream<Path> all = Files.list(parent)) {
            List<Path> ours = all.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
                    .toList();
            ours.stream().filter(p -> p.getFileName().toString().contains(".tmp-"))
                    .filter(p -> stagingOwner(p).map(pid -> ProcessHandle.of(pid).isEmpty()).orElse(false))
                    .forEach(EmbeddedDataDirectory::deleteQuietly);
            ours.stream().filter(p -> !p.getFileName().toString().contains(".tmp-"))
                    .sorted(Comparator.comparing(InitdbTemplate::lastModified).reversed())
                    .skip(KEEP).forEach(InitdbTemplate::deleteShared);
        } catch (IOException e) {
            LOG.debug("Could not prune the initdb templates in {}: {}", parent, e.toString());
        }
    }

    private static Optional<Long> stagingOwner(Path staging) {
        String name = staging.getFileName().toString();
        String[] parts = name.substring(name.indexOf(".tmp-") + 5).split("-");
        try {
            return Optional.of(Long.parseLong(parts[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * Copies a data directory with its permissions (PostgreSQL wants 0700), leaving zonky's lock file out
     * and what is there already (what was copied first, a lock zonky has made meanwhile) alone.
     */
    static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                if (!Files.isDirectory(target)) {
                    Files.copy(dir, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                boolean lock = file.getFileName().toString().equals(LOCK_FILE) && file.getParent().equals(from);
                if (!lock && !Files.exists(target)) { // copied first already: postgresql.conf
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The identity of the binaries' archives for this system, as {@code <archive-name>-<crc32>-<size>}:
     * zonky's archive for the system and architecture, joined by its Alpine Linux one when that is there
     * too (zonky picks one of the two by the distribution it detects, the same on every start).
     */
    static Optional<String> key(Optional<Path> binariesJar) throws IOException {
        String system = system();
        String architecture = ArchUtils.normalize("amd64".equals(System.getProperty("os.arch")) ? "x86_64"
                : System.getProperty("os.arch"));
        List<String> identities = new java.util.ArrayList<>();
        for (String name : List.of(archive(system, architecture, null), archive(system, architecture, "alpine_linux"))) {
            (binariesJar.isPresent() ? inJar(binariesJar.get(), name) : onClasspath(name)).ifPresent(identities::add);
        }
        return identities.isEmpty() ? Optional.empty() : Optional.of(String.join("+", identities));
    }

    private static String system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "darwin" : "linux";
    }

    private static String archive(String system, String architecture, String distribution) {
        String name = "postgres-" + system + "-" + architecture + (distribution == null ? "" : "-" + distribution) + ".txz";
        return name.replace(' ', '_').toLowerCase(Locale.ROOT);
    }

    private static Optional<String> inJar(Path jar, String name) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            return entry == null ? Optional.empty() : Optional.of(identity(name, entry));
        }
    }

    private static Optional<String> onClasspath(String name) throws IOException {
        URL url = InitdbTemplate.class.getClassLoader().getResource(name);
        if (url == null) {
            return Optional.empty();
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(true);
            JarEntry entry = jar.getJarEntry();
            return Optional.of(identity(name, entry));
        }
        if ("file".equals(url.getProtocol())) {
            Path file = Path.of(java.net.URI.create(url.toString()));
            return Optional.of(name.replace(".txz", "") + "-" + Files.size(file) + "-"
                    + Files.getLastModifiedTime(file).toMillis());
        }
        return Optional.empty();
    }

    private static String identity(String name, ZipEntry entry) {
        if (entry.getCrc() < 0 || entry.getSize() < 0) {
            throw new IllegalStateException(name + " has no CRC or size in its jar");
        }
        return name.replace(".txz", "") + "-" + Long.toHexString(entry.getCrc()) + "-" + entry.getSize();
    }
}
