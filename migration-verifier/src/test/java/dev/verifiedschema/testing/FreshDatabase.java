package dev.verifiedschema.testing;

import dev.verifiedschema.provision.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import javax.sql.DataSource;

/**
 * A new empty database on the JVM's shared server for each test that asks for a {@link DataSource}
 * (as a constructor, {@code @BeforeEach} or test parameter); it is dropped when the test ends.
 */
public final class FreshDatabase implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FreshDatabase.class);

    /** Dropped by JUnit when the test's store closes. */
    private record Database(PostgresServer server, String name) implements AutoCloseable {
        @Override
        public void close() {
            server.dropDatabase(name);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PostgresServer server = TestServer.server(context);
        Database database = context.getStore(NS).getOrComputeIfAbsent("database",
                k -> new Database(server, server.createDatabase(null)), Database.class);
        return server.dataSource(database.name());
    }
}
