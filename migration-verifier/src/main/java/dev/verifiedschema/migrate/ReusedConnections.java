package dev.verifiedschema.migrate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A data source for the many short Flyway runs of one stairway: a connection that Flyway closes is
 * kept open and handed out again on the next request, so each run does not pay for new logins (Flyway
 * opens two connections per run). Flyway restores a connection's state before closing it; one that
 * comes back inside a transaction or broken is really closed. {@link #close()} closes them all.
 */
final class ReusedConnections extends DelegatingDataSource implements AutoCloseable {
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();

    ReusedConnections(DataSource target) {
        super(target);
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        Connection physical = idle.poll();
        if (physical == null) {
            physical = target.getConnection();
            all.add(physical);
        }
        Connection real = physical;
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close" -> {
                        if (!closed) {
                            closed = true;
                            giveBack(real);
                        }
                        return null;
                    }
                    case "isClosed" -> {
                        return closed || real.isClosed();
                    }
                    case "unwrap", "isWrapperFor", "equals", "hashCode", "toString" -> {
                        // fall through to the real connection
                    }
                    default -> {
                        if (closed) {
                            throw new SQLException("This connection has been closed.", "08003");
                        }
                    }
                }
                try {
                    return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                handler);
    }

    private synchronized void giveBack(Connection real) throws SQLException {
        if (!real.isClosed() && real.getAutoCommit()) {
            idle.push(real);
        } else {
            all.remove(real);
            real.close();
        }
    }

    @Override
    public synchronized void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing scratch connections at the end of a run: nothing to do about a failure
            }
        }
        all.clear();
        idle.clear();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials are those of the stairway's data source");
    }
}
