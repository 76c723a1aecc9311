package dev.verifiedschema.testing;

import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the JVM's shared server (the same one {@code @VerifiedSchema} uses with default
 * settings), holding a lease in the root store so the server lives until the run ends.
 */
public final class TestServer implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TestServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    /** The shared server, leased for the rest of the run. */
    public static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("lease",
                k -> SharedServers.acquire(ServerSettings.defaults()), SharedServers.Lease.class).server();
    }

    /**
     * Runs something on a database of its own on the server, dropped afterwards whatever happens: the
     * "one fresh database per stairway run" of the stairway's tests.
     */
    public static <T> T onFreshDatabase(PostgresServer server, java.util.function.Function<javax.sql.DataSource, T> run) {
        String database = server.createDatabase(null);
        try {
            return run.apply(server.dataSource(database));
        } finally {
            server.dropDatabase(database);
        }
    }
}
