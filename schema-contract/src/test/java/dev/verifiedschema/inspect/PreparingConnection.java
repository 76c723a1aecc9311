package dev.verifiedschema.inspect;


import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * The caller's connection as SchemaCrawler sees it during one crawl. Two things make a crawl cheaper
 * on a connection that is inspected again and again (the stairway inspects after every version):
 * <ul>
 *   <li>SchemaCrawler asks {@link Connection#isValid(int)} before every query it runs, and the
 *       PostgreSQL driver answers that with a round trip to the server; here it is answered from
 *       {@link Connection#isClosed()}, as the connection was just used;</li>
 *   <li>SchemaCrawler runs its catalog SQL as plain statements, which the server plans afresh every
 *       time; here each one runs as a prepared statement, prepared on the server from its first use,
 *       so a connection plans each catalog query once (the driver keeps its prepared statements per
 *       connection, keyed by the SQL text); not when the connection's URL says
 *       {@code prepareThreshold=0}.</li>
 * </ul>
 * Closing the proxy does not close the caller's connection; statements are closed as usual.
 */
final class PreparingConnection {
    private PreparingConnection() {
    }

    /** Calls about the last result, answered by the prepared statement that produced it. */
    private static final Set<String> RESULT_CALLS = Set.of("getResultSet", "getUpdateCount", "getMoreResults",
            "getWarnings", "clearWarnings", "getLargeUpdateCount");

    /** A view of {@code connection} for SchemaCrawler; the connection stays the caller's. */
    static Connection wrap(Connection connection) {
        Connection[] self = new Connection[1];
        self[0] = (Connection) Proxy.newProxyInstance(PreparingConnection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> !connection.isClosed();
                    case "close" -> null;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "createStatement" -> statement(connection, self[0], (Statement) invoke(connection, method, args));
                    default -> invoke(connection, method, args);
                });
        return self[0];
    }

    private static Statement statement(Connection connection, Connection view, Statement plain) {
        InvocationHandler handler = new InvocationHandler() {
            private PreparedStatement current;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                String name = method.getName();
                boolean withSql = args != null && args.length == 1 && args[0] instanceof String;
                if (withSql && (name.equals("execute") || name.equals("executeQuery"))) {
                    closeCurrent();
                    current = connection.prepareStatement((String) args[0]);
                    CatalogSql.prepareAtOnce(current);
                    current.setFetchSize(plain.getFetchSize());
                    current.setMaxRows(plain.getMaxRows());
                    current.setQueryTimeout(plain.getQueryTimeout());
                    return name.equals("execute") ? current.execute() : current.executeQuery();
                }
                switch (name) {
                    case "close" -> {
                        closeCurrent();
                        plain.close();
                        return null;
                    }
                    case "getConnection" -> {
                        return view;
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    default -> {
                        // everything else (settings, other execute forms) is the plain statement's
                    }
                }
                boolean aboutResult = current != null && RESULT_CALLS.contains(name);
                return PreparingConnection.invoke(aboutResult ? current : plain, method, args);
            }

            private void closeCurrent() throws SQLException {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }
        };
        return (Statement) Proxy.newProxyInstance(PreparingConnection.class.getClassLoader(),
                new Class<?>[]{Statement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
