package dev.verifiedschema.cli;

import dev.verifiedschema.health.SqlStateAdvice;
import dev.verifiedschema.provision.Secrets;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** {@code --url}, {@code --user}, {@code --password-env}: how to reach a live database. */
final class DatabaseOptions {
    @Option(names = "--url", paramLabel = "JDBC", description = "JDBC URL, e.g. jdbc:postgresql://db:5432/app")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "database user (default: from the URL)")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "name of the environment variable that holds the password (never pass it on the command line)")
    String passwordEnv;

    /**
     * The session settings of a command that only reads: the server itself refuses any write, and no
     * statement or lock wait can hold a production catalog for long.
     */
    static final String READ_ONLY_SESSION = "-c default_transaction_read_only=on -c statement_timeout=60s "
            + "-c lock_timeout=5s -c idle_in_transaction_session_timeout=60s";

    /** The command, for the application name a DBA sees in pg_stat_activity. */
    private String command = "";
    /** Whether the command may write to the database (upgrade, downgrade); every other one only reads. */
    private boolean writes;

    boolean given() {
        return url != null && !url.isBlank();
    }

    /** Exits 2 unless {@code --url} was given; the connections then name the command and only read. */
    DatabaseOptions require(String command) {
        this.command = command;
        if (!given()) {
            throw CliException.badInput(command + " needs --url JDBC (and --user, --password-env VAR) of the database");
        }
        return this;
    }

    /** The password from {@code --password-env}, or from the URL, or {@code null}. */
    String password(Map<String, String> env) {
        if (passwordEnv != null) {
            String value = env.get(passwordEnv);
            if (value == null) {
                throw CliException.badInput("--password-env " + passwordEnv + ": the environment variable "
                        + passwordEnv + " is not set");
            }
            return value;
        }
        Properties props = url == null ? null : Driver.parseURL(url, new Properties());
        return props == null ? null : props.getProperty("password");
    }

    /** Lets the command write (upgrade, downgrade): no read-only session, no statement timeout. */
    DatabaseOptions writing() {
        this.writes = true;
        return this;
    }

    String masked() {
        return Secrets.maskUrl(url);
    }

    DataSource dataSource(Map<String, String> env) {
        if (Driver.parseURL(url, new Properties()) == null) {
            throw CliException.badInput("--url " + masked() + " is not a PostgreSQL JDBC URL; write it as "
                    + "jdbc:postgresql://host:5432/database");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        if (user != null) {
            ds.setUser(user);
        }
        String password = password(env);
        if (password != null) {
            ds.setPassword(password);
        }
        ds.setConnectTimeout(10);
        ds.setApplicationName(command.isEmpty() ? "verified-schema" : "verified-schema " + command);
        if (!writes) {
            String given = Driver.parseURL(url, new Properties()).getProperty("options");
            ds.setOptions(given == null || given.isBlank() ? READ_ONLY_SESSION : given + " " + READ_ONLY_SESSION);
        }
        return ds;
    }

    /** Exits 3, saying why, unless the database answers. */
    void requireReachable(Map<String, String> env) {
        try (Connection reachable = connect(env)) {
            reachable.isValid(1);
        } catch (SQLException e) {
            throw new CliException(CliException.ENVIRONMENT, "Lost the connection to " + masked(), e);
        }
    }

    /** An open connection, or exit 3 saying why not. */
    Connection connect(Map<String, String> env) {
        try {
            return dataSource(env).getConnection();
        } catch (SQLException e) {
            throw new CliException(CliException.ENVIRONMENT, "Cannot connect to " + masked() + ": "
                    + Secrets.mask(e.getMessage(), password(env)) + SqlStateAdvice.of(e), e);
        }
    }
}
