package dev.verifiedschema.provision;

import dev.verifiedschema.health.SqlStateAdvice;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * An existing server reached by JDBC URL: a CI service container, a staging server. The toolkit
 * creates its own databases there (prefix {@value ManagedServer#PREFIX}, this JVM's pid and a random
 * token, so two builds against one server never collide) and, on close, drops those and only those;
 * databases a killed run left are dropped by the next ({@link StaleDatabases}).
 */
final class ExternalServer extends ManagedServer {
    private static final Logger LOG = LoggerFactory.getLogger(ExternalServer.class);
    private final String maskedUrl;
    /** Holds this JVM's presence lock while the server is in use ({@link StaleDatabases}). */
    private Connection presence;

    private ExternalServer(JdbcServer jdbc, String maintenance, String maskedUrl) {
        super(jdbc, maintenance);
        this.maskedUrl = maskedUrl;
    }

    /**
     * Connects to the server and checks that the login works.
     *
     * @param url      a {@code jdbc:postgresql://host:port/database} URL; the database is used to create others
     * @param user     the user, or {@code null} to take it from the URL
     * @param password the password, or {@code null} to take it from the URL
     */
    static ExternalServer connect(String url, String user, String password) {
        String masked = Secrets.maskUrl(url);
        Properties props = url == null ? null : Driver.parseURL(url, new Properties());
        if (props == null) {
            throw new ProvisionException("The external PostgreSQL URL '" + masked + "' is not a PostgreSQL JDBC URL; "
                    + "write it as jdbc:postgresql://host:5432/postgres");
        }
        String host = props.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(props.getProperty("PGPORT", "5432").split(",")[0]);
        String database = props.getProperty("PGDBNAME", "postgres");
        String effectiveUser = user != null ? user : props.getProperty("user", System.getProperty("user.name"));
        String effectivePassword = password != null ? password : props.getProperty("password");
        ExternalServer server = new ExternalServer(new JdbcServer(host, port, effectiveUser, effectivePassword, url),
                database.isEmpty() ? "postgres" : database, masked);
        try (Connection ignored = server.dataSource(server.maintenanceDatabase()).getConnection()) {
            LOG.info("Connected to {}", server.description());
        } catch (SQLException e) {
            throw new ProvisionException("Could not connect to the external PostgreSQL at " + masked + " as "
                    + effectiveUser + ": " + Secrets.mask(e.getMessage(), effectivePassword)
                    + SqlStateAdvice.of(e), e);
        }
        try {
            server.presence = StaleDatabases.announcePresence(server);
        } catch (SQLException e) {
            throw new ProvisionException("Could not hold the toolkit's presence lock on " + masked + ": "
                    + Secrets.mask(e.getMessage(), effectivePassword) + SqlStateAdvice.of(e), e);
        }
        StaleDatabases.dropFrom(server);
        return server;
    }

    /**
     * Marks the database as this process's, so that a later run can tell one left by a dead process
     * from one in use: {@code verified-schema host=<host> pid=<pid> created=<epoch ms>}.
     */
    @Override
    protected void afterCreate(String name) {
        adminStatement("COMMENT ON DATABASE " + dev.verifiedschema.contract.Identifiers.quote(name) + " IS "
                + dev.verifiedschema.contract.Identifiers.literal(StaleDatabases.marker()), "mark database " + name);
    }

    @Override
    public String provider() {
        return "external";
    }

    @Override
    public String description() {
        return "external PostgreSQL at " + maskedUrl;
    }

    @Override
    public void close() {
        try {
            dropCreatedDatabases();
        } finally {
            try {
                if (presence != null) {
                    presence.close();
                }
            } catch (SQLException e) {
                LOG.debug("Closing the presence connection: {}", e.getMessage());
            }
        }
    }
}
