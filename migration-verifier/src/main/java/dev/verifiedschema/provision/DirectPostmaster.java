package dev.verifiedschema.provision;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server started from binaries zonky has extracted before, without zonky. zonky's own
 * start reads and digests the whole binaries archive (about 80 ms) to find its extracted copy, starts
 * the server through {@code pg_ctl} and polls for it every 100 ms; on a data directory copied from an
 * {@link InitdbTemplate} this class runs {@code postgres} itself and sees it ready within milliseconds
 * of it writing {@code ready} into its {@code postmaster.pid}, the line {@code pg_ctl} waits for. The
 * server is this JVM's child, so its exit is seen at once too.
 *
 * <p>Where zonky extracted a set of binaries is learnt from the first server zonky starts on them (the
 * path of its {@code postgres} process) and recorded next to the template as
 * {@code verified-schema-binaries-<key>}; a record whose directory no longer holds zonky's complete
 * extraction, or that another user owns (the directory is shared), is not used. On Linux as root, the server runs under {@code unshare -U} as zonky runs it
 * (PostgreSQL refuses to run as root). Not on Windows, where zonky starts every server.
 */
final class DirectPostmaster {
    static final String RECORD_PREFIX = "verified-schema-binaries-";
    private static final long START_WAIT_SECONDS = 10;
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    private static final Logger LOG = LoggerFactory.getLogger(DirectPostmaster.class);
    private static final java.util.concurrent.atomic.AtomicInteger STAGING = new java.util.concurrent.atomic.AtomicInteger();

    private final Process process;
    private final int port;
    private final Path dataDirectory;

    private DirectPostmaster(Process process, int port, Path dataDirectory) {
        this.process = process;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    int port() {
        return port;
    }

    /** The extracted binaries recorded for a key, when they are still complete and this system can start them. */
    static Optional<Path> binaries(String key) {
        if (WINDOWS) {
            return Optional.empty();
        }
        Path record = InitdbTemplate.workingDirectory().resolve(RECORD_PREFIX + key);
        try {
            if (!Files.isRegularFile(record)) {
                return Optional.empty();
            }
            if (!InitdbTemplate.ownedByThisUser(record)) {
                LOG.debug("Not using {}: another user owns it", record);
                return Optional.empty();
            }
            Path dir = Path.of(Files.readString(record, StandardCharsets.UTF_8).strip());
            Path postgres = dir.resolve("bin/postgres");
            boolean complete = Files.isRegularFile(dir.resolve(".exists")) && Files.isExecutable(postgres);
            // the directory is shared with other users: run nothing that this user did not put there
            return complete && InitdbTemplate.ownedByThisUser(dir) && InitdbTemplate.ownedByThisUser(postgres)
                    ? Optional.of(dir) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not read {}: {}", record, e.toString());
            return Optional.empty();
        }
    }

    /** Records where the binaries of a key are, from the postmaster running on a data directory. */
    static void record(String key, Path dataDirectory) {
        if (WINDOWS) {
            return;
        }
        Optional<Path> postgres = EmbeddedDataDirectory.orphanServer(dataDirectory)
                .flatMap(p -> p.info().command()).map(Path::of);
        if (postgres.isEmpty() || postgres.get().getParent() == null || postgres.get().getParent().getParent() == null) {
            return;
        }
        Path binaries = postgres.get().getParent().getParent();
        Path record = InitdbTemplate.workingDirectory().resolve(RECORD_PREFIX + key);
        Path staging = record.resolveSibling(record.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + STAGING.incrementAndGet());
        try {
            Files.writeString(staging, binaries + "\n", StandardCharsets.UTF_8);
            Files.move(staging, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not record the binaries of {} in {}: {}", key, record, e.toString());
            try {
                Files.deleteIfExists(staging);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /**
     * Starts {@code postgres} on an initialised data directory and waits until it accepts connections.
     *
     * @throws IOException when it did not start, with the end of its log
     */
    static DirectPostmaster start(Path binaries, Path dataDirectory, Map<String, String> config, boolean unshare)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (unshare) { // root on Linux: PostgreSQL refuses to run as root
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", dataDirectory.toString(),
                "-p", Integer.toString(port)));
        config.forEach((key, value) -> command.addAll(List.of("-c", key + "=" + value)));
        Path log = dataDirectory.resolve("postmaster.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        DirectPostmaster postmaster = new DirectPostmaster(process, port, dataDirectory);
        try {
            postmaster.awaitReady(log);
        } catch (IOException | RuntimeException e) {
            postmaster.stop();
            throw e;
        }
        return postmaster;
    }

    /**
     * Whether the server must run under {@code unshare -U}: as root on Linux, where zonky's probe finds it
     * works. Asked only as root (the probe runs two processes and a shell script, about 90 ms).
     */
    static boolean needsUnshare() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return false;
        }
        try {
            boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst()
                    .map(l -> l.substring(4).strip().split("\\s+")[0].equals("0")).orElse(false);
            return root && LinuxUtils.isUnshareAvailable();
        } catch (IOException | RuntimeException e) {
            return LinuxUtils.isUnshareAvailable();
        }
    }

    /** Waits for {@code ready} in {@code postmaster.pid} (its eighth line, PostgreSQL 10 and later). */
    private void awaitReady(Path log) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited with " + process.exitValue() + ": " + tail(log));
            }
            if (Files.isRegularFile(pidFile)) {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
                if (lines.size() >= 8 && lines.get(0).strip().equals(Long.toString(process.pid()))
                        && lines.get(7).strip().equals("ready")) {
                    return;
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for postgres to start", e);
            }
        }
        throw new IOException("postgres did not get ready within " + START_WAIT_SECONDS + " s: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A fast shutdown; a kill if it has not ended within the wait. Waited for even when interrupted. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            EmbeddedDataDirectory.stopPostmaster(process.toHandle(), dataDirectory);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
