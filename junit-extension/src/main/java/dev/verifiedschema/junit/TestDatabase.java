package dev.verifiedschema.junit;

import dev.verifiedschema.provision.PostgresServer;

import javax.sql.DataSource;

/** One copy of the verified database for a test class or method; closing it gives it back to be dropped. */
final class TestDatabase implements AutoCloseable {
    private final PostgresServer server;
    private final Verification verification;
    private final String name;

    TestDatabase(PostgresServer server, Verification verification) {
        this.server = server;
        this.verification = verification;
        this.name = verification.newDatabase();
    }

    String name() {
        return name;
    }

    DataSource dataSource() {
        return server.dataSource(name);
    }

    String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    @Override
    public void close() {
        verification.release(name);
    }
}
