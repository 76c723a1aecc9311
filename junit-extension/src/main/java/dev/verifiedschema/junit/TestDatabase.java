package dev.verifiedschema.junit;

import dev.verifiedschema.provision.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;

/** One copy of the verified database for a test class or method; closing it gives it back to be dropped. */
@SuppressWarnings("deprecation") // CloseableResource: JUnit 5.12 (Spring Boot 3.5) closes only those
final class TestDatabase implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final PostgresServer server;
    private final Verification verification;
    private final String name;
    private final DataSource dataSource;

    TestDatabase(PostgresServer server, Verification verification) {
        this.server = server;
        this.verification = verification;
        this.name = verification.newDatabase();
        this.dataSource = server.dataSource(name);
    }

    String name() {
        return name;
    }

    DataSource dataSource() {
        return dataSource;
    }

    String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    @Override
    public void close() {
        verification.release(name);
    }
}
