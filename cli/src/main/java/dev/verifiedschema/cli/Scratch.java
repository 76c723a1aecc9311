package dev.verifiedschema.cli;

import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;

import java.util.ArrayList;
import java.util.List;

/**
 * Throwaway databases for a command: on embedded PostgreSQL by default, or on an external server;
 * every database created is dropped on close, and the embedded server stopped. The server starts (or
 * is connected to) in the background from the moment the scratch is made, so a command makes it
 * first and reads its files meanwhile; the first use waits for it.
 */
final class Scratch implements AutoCloseable {
    private final SharedServers.PendingLease lease;
    private final List<String> created = new ArrayList<>();

    private Scratch(SharedServers.PendingLease lease) {
        this.lease = lease;
    }

    static Scratch embedded(int pgVersion) {
        return new Scratch(SharedServers.acquireInBackground(VerifyCommand.embeddedSettings(pgVersion)));
    }

    static Scratch external(String url, String user, String password) {
        return new Scratch(SharedServers.acquireInBackground(new ServerSettings(ProviderKind.EXTERNAL, url, user,
                password, 0, null)));
    }

    /** The server, once it has started. */
    PostgresServer server() {
        return lease.lease().server();
    }

    /** A new empty database, dropped on close. */
    String newDatabase() {
        String name = server().createDatabase(null);
        created.add(name);
        return name;
    }

    @Override
    public void close() {
        try {
            for (String name : created) {
                server().dropDatabase(name);
            }
        } finally {
            lease.close();
        }
    }
}
