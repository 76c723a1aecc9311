package dev.verifiedschema.spring;

import dev.verifiedschema.junit.ActiveDatabase;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The context's {@code DataSource}: each connection comes from the verified database of the test running
 * now, so one cached context serves every class (and with isolation per method, every method) its own copy.
 * Connections are not pooled: a copy lives for one class or method, and opening one on the local server
 * takes milliseconds.
 */
final class ActiveDataSource implements DataSource {
    private int loginTimeout;

    private static DataSource target() throws SQLException {
        return ActiveDatabase.dataSource().orElseThrow(() -> new SQLException("No @VerifiedSchema database is "
                + "active: the application asked for a connection on thread " + Thread.currentThread().getName()
                + " while no @VerifiedSchema test ran (or after its verification failed; that failure is the test's). "
                + "If Spring asked before the test class started (@Sql with BEFORE_TEST_CLASS, a listener in Spring's "
                + "beforeAll), put @VerifiedSchema before @SpringBootTest (or the slice annotation) on the class; "
                + "otherwise ask for connections while a test runs."));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connections are the verified database's own; nothing to log here
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("ActiveDataSource logs nothing through java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target().isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "the verified database of the running @VerifiedSchema test";
    }
}
