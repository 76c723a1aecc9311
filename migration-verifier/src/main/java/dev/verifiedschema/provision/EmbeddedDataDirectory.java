package dev.verifiedschema.provision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the embedded server keeps its data. A test server's data is thrown away when it stops, and
 * copying a template database is file I/O ({@code CREATE DATABASE ... TEMPLATE} copies every file),
 * so on a machine with a memory file system ({@code /dev/shm} on Linux) the data goes there: copies
 * then cost memory bandwidth, not disk latency, and do not slow down when the disk is busy.
 *
 * <p>Chosen by the system property {@value #PROPERTY} (or the environment variable {@value #ENV}):
 * <ul>
 *   <li>{@code memory} (the default): {@code /dev/shm} when it is a writable directory with at least
 *       {@value #MIN_FREE_MIB} MiB free, else the disk;</li>
 *   <li>{@code disk}: zonky's default, a directory under {@code java.io.tmpdir};</li>
 *   <li>any other value: a directory to create the data directory in.</li>
 * </ul>
 * The data directory itself is {@code verified-schema-<pid>-<n>} inside that place and is deleted
 * when the server stops. Directories left by processes that no longer run (a JVM that was killed)
 * are cleaned up when the next server starts there, so memory is not lost to them: the PostgreSQL
 * server that such a directory's {@code postmaster.pid} names, if it still runs with that data
 * directory, is stopped first (a fast shutdown, then a kill if it has not stopped within
 * {@value #STOP_WAIT_SECONDS} s), then the directory is deleted. Process ids are those of this
 * machine's process namespace, so containers must not share the place.
 */
final class EmbeddedDataDirectory {
    static final String PROPERTY = "verifiedschema.embedded.dataDir";
    static final String ENV = "VERIFIEDSCHEMA_EMBEDDED_DATADIR";
    static final long MIN_FREE_MIB = 1024;
    static final long STOP_WAIT_SECONDS = 10;
    private static final String PREFIX = "verified-schema-";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDataDirectory.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern OURS = Pattern.compile("verified-schema-(\\d{1,10})-(\\d+|pg-dump-server)");

    private EmbeddedDataDirectory() {
    }

    /** The data directory for a new server from the configured setting, or empty for zonky's default. */
    static Optional<Path> forNewServer() {
        String setting = System.getProperty(PROPERTY);
        if (setting == null || setting.isBlank()) {
            setting = System.getenv(ENV);
        }
        return choose(setting, Path.of("/dev/shm"));
    }

    /**
     * The data directory for a setting.
     *
     * @param setting {@code memory}, {@code disk}, a directory, or {@code null} for {@code memory}
     * @param memory  the memory file system to use for {@code memory}
     * @return the directory to create, or empty for zonky's default place
     */
    static Optional<Path> choose(String setting, Path memory) {
        String value = setting == null || setting.isBlank() ? "memory" : setting.strip();
        Path base;
        if (value.equals("disk")) {
            return Optional.empty();
        } else if (value.equals("memory")) {
            if (Files.isDirectory(memory) && Files.isWritable(memory)) {
                removeLeftovers(memory); // first: leftovers may be what fills it
            }
            if (!usable(memory)) {
                LOG.debug("{} is not a writable directory with {} MiB free; the embedded server's data goes to disk",
                        memory, MIN_FREE_MIB);
                return Optional.empty();
            }
            base = memory;
        } else {
            base = Path.of(value);
            if (!Files.isDirectory(base) || !Files.isWritable(base)) {
                throw new ProvisionException("The embedded server's data directory cannot be created in " + base
                        + " (set by " + PROPERTY + " or " + ENV + "): it is not a writable directory. Create it, "
                        + "or use 'memory' (the default) or 'disk'.", null);
            }
            removeLeftovers(base);
        }
        // absolute: the server's command line holds it so, which is how its process is recognised later
        return Optional.of(base.toAbsolutePath().normalize()
                .resolve(PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet()));
    }

    private static boolean usable(Path dir) {
        try {
            return Files.isDirectory(dir) && Files.isWritable(dir)
                    && Files.getFileStore(dir).getUsableSpace() >= MIN_FREE_MIB * 1024 * 1024;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes the data directories of processes that are gone: only directories named exactly as this
     * class (or the benchmarks' second server) names them and holding a PostgreSQL data directory
     * ({@code PG_VERSION}) or the start of a template copy ({@code postgresql.conf}, which is copied
     * first), so nothing else that happens to start with the prefix is touched.
     */
    static void removeLeftovers(Path base) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path dir : dirs) {
                owner(dir).filter(pid -> ProcessHandle.of(pid).isEmpty()).ifPresent(pid -> {
                    boolean data = Files.isRegularFile(dir.resolve("PG_VERSION"));
                    // postgresql.conf without PG_VERSION: a template copy that a killed run left half done
                    boolean partialCopy = !data && Files.isRegularFile(dir.resolve("postgresql.conf"));
                    if (data && answersOnItsPort(dir) && orphanServer(dir).isEmpty()) {
                        // a server this process cannot see (another container sharing the directory,
                        // another pid namespace) still answers on the port its postmaster.pid names
                        LOG.info("Keeping {}: its owner {} is not visible here, but a server answers on the port "
                                + "its postmaster.pid names (another container or pid namespace)", dir, pid);
                        return;
                    }
                    if (partialCopy || (data && stopOrphan(dir, pid))) {
                        LOG.info("Deleting {}, left by process {} which no longer runs", dir, pid);
                        deleteQuietly(dir);
                    }
                });
            }
        } catch (IOException e) {
            LOG.debug("Could not look for leftover data directories in {}: {}", base, e.getMessage());
        }
    }

    /**
     * Stops the server still running on a dead process's data directory: the process that the
     * directory's {@code postmaster.pid} names, when it is a {@code postgres} whose command line
     * holds that directory (so a reused process id is never taken for it).
     *
     * @return whether no server runs on the directory any more, so it may be deleted
     */
    static boolean stopOrphan(Path dir, long deadOwner) {
        Optional<ProcessHandle> server = orphanServer(dir);
        if (server.isEmpty()) {
            return true;
        }
        ProcessHandle postmaster = server.get();
        LOG.warn("Stopping PostgreSQL (pid {}) that still runs on {}, left by process {} which no longer runs",
                postmaster.pid(), dir, deadOwner);
        return stopPostmaster(postmaster, dir);
    }

    /**
     * A fast shutdown of the postmaster of a data directory (it ends its sessions and removes its shared
     * memory), and a kill of it and its children if it has not stopped within {@value #STOP_WAIT_SECONDS} s.
     *
     * @return whether it has stopped
     */
    static boolean stopPostmaster(ProcessHandle postmaster, Path dir) {
        signal(postmaster, "INT");
        if (awaitExit(postmaster, dir.resolve("postmaster.pid"), STOP_WAIT_SECONDS)) {
            return true;
        }
        LOG.warn("PostgreSQL (pid {}) on {} did not stop within {} s; killing it", postmaster.pid(), dir,
                STOP_WAIT_SECONDS);
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        return awaitExit(postmaster, STOP_WAIT_SECONDS);
    }

    /**
     * Whether something accepts connections on localhost at the port the directory's
     * {@code postmaster.pid} names (its fourth line): then a server may still run on it unseen.
     */
    static boolean answersOnItsPort(Path dir) {
        int port;
        try (Stream<String> lines = Files.lines(dir.resolve("postmaster.pid"))) {
            port = Integer.parseInt(lines.skip(3).findFirst().orElse("").strip());
        } catch (IOException | NumberFormatException | java.io.UncheckedIOException e) {
            return false;
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The running postmaster of a data directory, as its {@code postmaster.pid} names it, if it is one. */
    static Optional<ProcessHandle> orphanServer(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try (Stream<String> lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("").strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(EmbeddedDataDirectory::runs).filter(p -> runsOn(p, dir));
    }

    /** Whether the process is a PostgreSQL server whose command line names the directory. */
    private static boolean runsOn(ProcessHandle process, Path dir) {
        String commandLine;
        Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            commandLine = Files.isReadable(proc) ? Files.readString(proc).replace('\0', ' ')
                    : process.info().commandLine().orElse("");
        } catch (IOException e) {
            commandLine = process.info().commandLine().orElse("");
        }
        return commandLine.contains("postgres") && commandLine.contains(dir.toAbsolutePath().normalize().toString());
    }

    /**
     * Stops the server running on one of this process's data directories with a fast shutdown, and
     * waits for its postmaster to exit; the wait ends when the process does, not at a polling interval.
     *
     * @return whether a server was found on the directory and has stopped
     */
    static boolean stopServer(Path dir) {
        Optional<ProcessHandle> server = orphanServer(dir);
        if (server.isEmpty()) {
            return false; // none seen: the caller stops it another way, or there is none
        }
        signal(server.get(), "INT");
        return awaitExit(server.get(), dir.resolve("postmaster.pid"), STOP_WAIT_SECONDS);
    }

    static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor();
        } catch (IOException e) {
            // no kill command (Windows): a plain termination request instead
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, long seconds) {
        return awaitExit(process, null, seconds);
    }

    /**
     * Whether a process still runs: alive, and not a zombie (a process that has exited and waits for its
     * parent to collect it, which for a server started through {@code pg_ctl} is whoever adopted it, and
     * may take a while, or forever where the container's first process does not collect orphans).
     */
    static boolean runs(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            int end = text.lastIndexOf(')'); // the command name may hold spaces and parentheses
            return end < 0 || end + 2 >= text.length() || text.charAt(end + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // no /proc (macOS, Windows): alive is all there is to know
        }
    }

    /**
     * Waits for a postmaster to exit. It is not this JVM's child, so {@link ProcessHandle#onExit()} would
     * only poll it at growing intervals (up to seconds), and once it has exited it may stay a zombie
     * until its new parent reaps it. A postmaster removes its {@code postmaster.pid} as the last step
     * of its shutdown (what {@code pg_ctl stop} waits for), so the wait ends when that file is gone or
     * the process is: a short poll ends it within milliseconds.
     *
     * @param pidFile the server's {@code postmaster.pid}, or null to wait for the process alone
     */
    private static boolean awaitExit(ProcessHandle process, Path pidFile, long seconds) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (runs(process) && (pidFile == null || Files.exists(pidFile))) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(2);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The process id in a name {@code verified-schema-<pid>-<n>} (or {@code -pg-dump-server}); empty for any other name. */
    static Optional<Long> owner(Path dir) {
        Matcher name = OURS.matcher(dir.getFileName().toString());
        return name.matches() ? Optional.of(Long.parseLong(name.group(1))) : Optional.empty();
    }

    /** Deletes a directory and everything in it, if it is there; what cannot be deleted is logged. */
    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
