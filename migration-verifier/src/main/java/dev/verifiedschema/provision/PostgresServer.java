package dev.verifiedschema.provision;

import javax.sql.DataSource;

/**
 * A running PostgreSQL server that hands out databases. Closing it stops the server, or, for an
 * external server, drops the databases this process created there and nothing else.
 */
public interface PostgresServer extends AutoCloseable {

    /** Which provider started it, for log lines: {@code embedded}, {@code testcontainers} or {@code external}. */
    String provider();

    /** A human description without secrets, e.g. {@code embedded PostgreSQL 17.11 on localhost:54321}. */
    String description();

    /** The server's major version, e.g. {@code 14}. */
    int majorVersion();

    /** A data source for a database on this server. */
    DataSource dataSource(String database);

    /** A JDBC URL for a database on this server, with the user (and password, if any) as parameters. */
    String jdbcUrl(String database);

    /** The maintenance database used to create and drop others ({@code postgres} unless configured). */
    String maintenanceDatabase();

    /**
     * Creates a new database named with the toolkit's prefix ({@value ManagedServer#PREFIX}).
     *
     * @param template the database to copy, or {@code null} for an empty database (from {@code template0})
     * @return the new database's name
     */
    String createDatabase(String template);

    /**
     * Drops a database this server object created, closing any connection still open to it.
     *
     * @throws ProvisionException when the database was not created by this process: it is never touched
     */
    void dropDatabase(String name);

    /** Stops the server, or cleans up what this process created on an external one. */
    @Override
    void close();
}
