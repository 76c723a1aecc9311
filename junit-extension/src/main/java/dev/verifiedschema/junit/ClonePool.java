package dev.verifiedschema.junit;

import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.ProvisionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Copies of a verified template database, made ahead in the background so that a test rarely
 * waits for {@code CREATE DATABASE ... TEMPLATE}. Two threads make copies (PostgreSQL refuses to
 * copy a template that a session is connected to, but copies themselves do not connect, so two can
 * run at once); used copies are dropped on a third thread, so a drop never delays the next copy.
 */
final class ClonePool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClonePool.class);
    private final PostgresServer server;
    private final String template;
    private final int prefetch;
    private final ExecutorService worker;
    private final ExecutorService dropper;
    private final Deque<Future<String>> ready = new ArrayDeque<>();

    ClonePool(PostgresServer server, String template, int prefetch) {
        this.server = server;
        this.template = template;
        this.prefetch = prefetch;
        this.worker = Executors.newFixedThreadPool(2, daemon("verified-schema-clones-" + template));
        this.dropper = Executors.newSingleThreadExecutor(daemon("verified-schema-drops-" + template));
        topUp();
    }

    /** A fresh copy of the template; the caller owns it until {@link #release(String)}. */
    String take() {
        Future<String> next;
        synchronized (ready) {
            next = ready.isEmpty() ? worker.submit(() -> server.createDatabase(template)) : ready.poll();
            topUp();
        }
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisionException("Interrupted while waiting for a copy of " + template, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ProvisionException p ? p
                    : new ProvisionException("Could not copy the verified database " + template + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Drops a copy in the background. */
    void release(String database) {
        dropper.submit(() -> {
            try {
                server.dropDatabase(database);
            } catch (RuntimeException e) {
                LOG.warn("Could not drop test database {}: {}", database, e.getMessage());
            }
        });
    }

    private void topUp() {
        synchronized (ready) {
            while (ready.size() < prefetch) {
                ready.add(worker.submit(() -> server.createDatabase(template)));
            }
        }
    }

    /** Drops every unused copy and the template, then stops the thread. */
    @Override
    public void close() {
        synchronized (ready) {
            for (Future<String> f : ready) {
                String database = get(f);
                if (database != null) {
                    release(database);
                }
            }
            ready.clear();
        }
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
            release(template);
            dropper.shutdown();
            if (!dropper.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Test databases of template {} were still being dropped after 30 s", template);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String get(Future<String> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
