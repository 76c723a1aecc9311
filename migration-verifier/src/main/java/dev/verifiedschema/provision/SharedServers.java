package dev.verifiedschema.provision;

import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server per JVM for each distinct {@link ServerSettings}, handed out as leases. The server is
 * started by the first lease and stopped when the last lease is closed, so a test run that holds a
 * lease from start to end starts exactly one server however many test classes (or nested test
 * engines) use it.
 */
public final class SharedServers {
    private static final Map<ServerSettings, Entry> SERVERS = new HashMap<>();
    private static final AtomicInteger STARTED = new AtomicInteger();

    private SharedServers() {
    }

    private static final class Entry {
        private final PostgresServer server;
        private int leases;

        Entry(PostgresServer server) {
            this.server = server;
        }
    }

    /** A lease on the server for these settings, starting it if no lease is open. */
    public static Lease acquire(ServerSettings settings) {
        synchronized (SERVERS) {
            Entry entry = SERVERS.get(settings);
            if (entry == null) {
                entry = new Entry(Provisioning.start(settings));
                STARTED.incrementAndGet();
                SERVERS.put(settings, entry);
            }
            entry.leases++;
            return new Lease(settings, entry.server);
        }
    }

    /**
     * A lease acquired on a thread of its own, so that the caller can read its inputs while the
     * server starts (an embedded start is mostly waiting for PostgreSQL's processes). Close it in a
     * {@code finally}: closing waits for the start to end and then closes the lease.
     */
    public static PendingLease acquireInBackground(ServerSettings settings) {
        CompletableFuture<Lease> lease = new CompletableFuture<>();
        Daemon.start("verified-schema-server-start", () -> {
            try {
                lease.complete(acquire(settings));
            } catch (Throwable e) {
                lease.completeExceptionally(e);
            }
        });
        return new PendingLease(lease);
    }

    /** How many servers this JVM has started so far (for diagnostics and benchmarks). */
    public static int startedCount() {
        return STARTED.get();
    }

    private static void release(ServerSettings settings) {
        PostgresServer toStop = null;
        synchronized (SERVERS) {
            Entry entry = SERVERS.get(settings);
            if (entry != null && --entry.leases == 0) {
                SERVERS.remove(settings);
                toStop = entry.server;
            }
        }
        if (toStop != null) {
            toStop.close();
        }
    }

    /** A claim on a shared server; closing the last claim stops (or cleans up) the server. */
    public static final class Lease implements AutoCloseable {
        private final ServerSettings settings;
        private final PostgresServer server;
        private boolean closed;

        private Lease(ServerSettings settings, PostgresServer server) {
            this.settings = settings;
            this.server = server;
        }

        /** The server. */
        public PostgresServer server() {
            return server;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release(settings);
            }
        }
    }

    /** A lease being acquired in the background: {@link #lease()} waits for it. */
    public static final class PendingLease implements AutoCloseable {
        private final CompletableFuture<Lease> lease;

        private PendingLease(CompletableFuture<Lease> lease) {
            this.lease = lease;
        }

        /** The lease, once the server has started; rethrows what stopped it from starting. */
        public Lease lease() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return lease.get();
                    } catch (InterruptedException e) {
                        interrupted = true; // the start goes on either way; wait for it
                    }
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new ProvisionException("The server did not start: " + e.getCause(), e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Waits for the start to end, then closes the lease if there is one. */
        @Override
        public void close() {
            Lease acquired;
            try {
                acquired = lease();
            } catch (RuntimeException | Error failedToStart) {
                return; // nothing to close; whoever needed the server has seen why
            }
            acquired.close();
        }
    }
}
