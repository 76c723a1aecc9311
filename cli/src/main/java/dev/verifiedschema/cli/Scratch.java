package dev.verifiedschema.cli;

import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;

import java.util.ArrayList;
import java.util.List;

/**
 * Throwaway databases for a command: on embedded PostgreSQL by default, or on an external server;
 * every database created is dropped on close, and the embedded server stopped.
 */
final class Scratch implements AutoCloseable {
    private final SharedServers.Lease lease;
    private final List<String> created = new ArrayList<>();

    private Scratch(SharedServers.Lease lease) {
        this.lease = lease;
    }

    static Scratch embedded(int pgVersion) {
        return new Scratch(SharedServers.acquire(new ServerSettings(ProviderKind.EMBEDDED, null, null, null,
                pgVersion, null)));
    }

    static Scratch external(String url, String user, String password) {
        return new Scratch(SharedServers.acquire(new ServerSettings(ProviderKind.EXTERNAL, url, user, password, 0,
                null)));
    }

    PostgresServer server() {
        return lease.server();
    }

    /** A new empty database, dropped on close. */
    String newDatabase() {
        String name = lease.server().createDatabase(null);
        created.add(name);
        return name;
    }

    @Override
    public void close() {
        try {
            for (String name : created) {
                lease.server().dropDatabase(name);
            }
        } finally {
            lease.close();
        }
    }
}
