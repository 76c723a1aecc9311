package dev.verifiedschema.provision;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Host, port and credentials of a server, and the data sources and URLs built from them. */
record JdbcServer(String host, int port, String user, String password) {

    DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[]{host});
        ds.setPortNumbers(new int[]{port});
        ds.setDatabaseName(database);
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        ds.setConnectTimeout(10);
        ds.setApplicationName("verified-schema");
        return ds;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + encode(user)
                + (password == null ? "" : "&password=" + encode(password));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
