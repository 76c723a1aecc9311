package dev.verifiedschema.provision;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host, port and credentials of a server, and the data sources and URLs built from them.
 *
 * @param host     the host
 * @param port     the port
 * @param user     the user
 * @param password the password, or {@code null}
 * @param template a JDBC URL whose connection parameters (sslmode, ...) every database inherits,
 *                 or {@code null}; its database and credentials are replaced
 */
record JdbcServer(String host, int port, String user, String password, String template) {
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(?:/[^?]*)?(?:\\?(.*))?$");

    JdbcServer(String host, int port, String user, String password) {
        this(host, port, user, password, null);
    }

    DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        if (template != null) {
            ds.setURL(baseUrl(database));
        } else {
            ds.setServerNames(new String[]{host});
            ds.setPortNumbers(new int[]{port});
            ds.setDatabaseName(database);
            ds.setConnectTimeout(10);
        }
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        ds.setApplicationName("verified-schema");
        return ds;
    }

    String jdbcUrl(String database) {
        String base = template != null ? baseUrl(database) : "jdbc:postgresql://" + host + ":" + port + "/" + database;
        return base + (base.contains("?") ? "&" : "?") + "user=" + encode(user)
                + (password == null ? "" : "&password=" + encode(password));
    }

    /** The template URL pointed at another database, without user and password parameters. */
    private String baseUrl(String database) {
        Matcher m = URL.matcher(template);
        if (!m.matches()) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
        StringBuilder query = new StringBuilder();
        if (m.group(2) != null) {
            for (String parameter : m.group(2).split("&")) {
                String name = parameter.split("=", 2)[0];
                if (!parameter.isEmpty() && !name.equalsIgnoreCase("user") && !name.equalsIgnoreCase("password")) {
                    query.append(query.isEmpty() ? "?" : "&").append(parameter);
                }
            }
        }
        return m.group(1) + "/" + database + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
