package dev.verifiedschema.provision;

import dev.verifiedschema.health.SqlStateAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.verifiedschema.contract.Identifiers.quote;

/**
 * What every provider shares: creating databases with a recognisable prefix, remembering them,
 * and dropping only those on close.
 */
abstract class ManagedServer implements PostgresServer {
    /** Every database the toolkit creates starts with this. */
    static final String PREFIX = "vs_";
    private static final Logger LOG = LoggerFactory.getLogger(ManagedServer.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /**
     * Sets this JVM's database names apart from those of a JVM with the same pid on another machine
     * or in another container, both building against one external server.
     */
    static final String TOKEN = String.format("%06x", new java.security.SecureRandom().nextInt(1 << 24));

    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final JdbcServer jdbc;
    private final String maintenance;
    private volatile Integer majorVersion;

    ManagedServer(JdbcServer jdbc, String maintenanceDatabase) {
        this.jdbc = jdbc;
        this.maintenance = maintenanceDatabase;
    }

    @Override
    public DataSource dataSource(String database) {
        return jdbc.dataSource(database);
    }

    @Override
    public String jdbcUrl(String database) {
        return jdbc.jdbcUrl(database);
    }

    @Override
    public String maintenanceDatabase() {
        return maintenance;
    }

    @Override
    public int majorVersion() {
        if (majorVersion == null) {
            try (Connection c = dataSource(maintenance).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW server_version_num")) {
                rs.next();
                majorVersion = Integer.parseInt(rs.getString(1)) / 10000;
            } catch (SQLException e) {
                throw new ProvisionException("Could not read the version of " + description() + ": " + e.getMessage(), e);
            }
        }
        return majorVersion;
    }

    @Override
    public String createDatabase(String template) {
        String name = PREFIX + ProcessHandle.current().pid() + "_" + TOKEN + "_" + COUNTER.incrementAndGet();
        String sql = "CREATE DATABASE " + quote(name) + " TEMPLATE " + (template == null ? "template0" : quote(template));
        admin(sql, "create database " + name + (template == null ? "" : " from template " + template));
        created.add(name);
        afterCreate(name);
        return name;
    }

    /** What a provider records about a database it made (nothing, unless the server outlives this process). */
    protected void afterCreate(String name) {
    }

    /** Runs a statement on the maintenance database, saying what failed in a {@link ProvisionException}. */
    protected void adminStatement(String sql, String what) {
        admin(sql, what);
    }

    @Override
    public void dropDatabase(String name) {
        if (!created.remove(name)) {
            throw new ProvisionException("Refusing to drop database " + name + " on " + description()
                    + ": this process did not create it. The toolkit only drops databases it created.");
        }
        admin("DROP DATABASE IF EXISTS " + quote(name) + (majorVersion() >= 13 ? " WITH (FORCE)" : ""),
                "drop database " + name);
    }

    /** Drops every database this process created that is still there. */
    protected void dropCreatedDatabases() {
        for (String name : Set.copyOf(created)) {
            try {
                dropDatabase(name);
            } catch (ProvisionException e) {
                LOG.warn("Could not drop database {} on {}: {}", name, description(), e.getMessage());
            }
        }
    }

    private void admin(String sql, String what) {
        try (Connection c = dataSource(maintenance).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new ProvisionException("Could not " + what + " on " + description() + ": "
                    + Secrets.mask(e.getMessage(), jdbc.password()) + SqlStateAdvice.of(e), e);
        }
    }
}
