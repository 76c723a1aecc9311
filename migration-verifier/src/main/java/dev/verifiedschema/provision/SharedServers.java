package dev.verifiedschema.provision;

import java.util.HashMap;
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
}
