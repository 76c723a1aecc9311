package dev.verifiedschema.health;

import dev.verifiedschema.compare.ContractCheck;
import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.inspect.InspectionException;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.report.RemediationSql;
import dev.verifiedschema.snapshot.SchemaSnapshot;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The start-up health check: proves, before an application serves anyone, that the live database
 * has every table and column the contract requires (with their types, nullability and defaults),
 * and that no undeclared table matches an owned name. Keys and indexes are left to the migration
 * verification, which has the full catalog, unless {@link #withKeysAndIndexes()} asks for them too.
 *
 * <p>Safe in production: one catalog query in a read-only transaction with a statement timeout
 * (5 s unless set), readable by a role that only has CONNECT; it never writes. With keys and indexes
 * it reads the schema's full catalog instead (a dozen queries, still read-only, tens of milliseconds).
 *
 * <pre>{@code
 * SchemaHealthCheck.from(ContractLoader.fromClasspath("talentai-contract.yaml"))
 *         .withStatementTimeout(Duration.ofSeconds(2))
 *         .assertHealthy(dataSource);   // throws SchemaUnhealthyException listing every problem and the fix
 * }</pre>
 */
public final class SchemaHealthCheck {
    private final Contract contract;
    private final Duration statementTimeout;
    private final boolean keysAndIndexes;
    private final SchemaSnapshot head;

    private SchemaHealthCheck(Contract contract, Duration statementTimeout, boolean keysAndIndexes,
                              SchemaSnapshot head) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.statementTimeout = statementTimeout;
        this.keysAndIndexes = keysAndIndexes;
        this.head = head;
    }

    /** A health check of this contract's tables and columns with a 5 second statement timeout. */
    public static SchemaHealthCheck from(Contract contract) {
        return new SchemaHealthCheck(contract, Duration.ofSeconds(5), false, null);
    }

    /**
     * The same check, whose remediation SQL takes what the contract leaves out of a missing column
     * (its type, nullability and default) from a reference snapshot of what the migrations build
     * at head, so that every missing column gets its {@code ADD COLUMN IF NOT EXISTS} line. Build
     * the reference once, e.g. by migrating a scratch database to head and inspecting it with
     * {@code SchemaInspector}; the CLI does so for {@code check --migrations DIR}. The check itself
     * is unchanged: the reference only completes the SQL.
     *
     * @param headSnapshot a snapshot of the contract's schema at head
     */
    public SchemaHealthCheck withTypesFrom(SchemaSnapshot headSnapshot) {
        return new SchemaHealthCheck(contract, statementTimeout, keysAndIndexes,
                Objects.requireNonNull(headSnapshot, "headSnapshot"));
    }

    /**
     * The same check, also of the contract's primary keys, foreign keys, unique constraints and
     * indexes (and, for {@code exact} tables, of undeclared ones of each kind the table declares):
     * everything the migration verification checks at head. It reads the schema's whole catalog, so it costs tens of milliseconds instead of one.
     */
    public SchemaHealthCheck withKeysAndIndexes() {
        return new SchemaHealthCheck(contract, statementTimeout, true, head);
    }

    /** The same check with another statement timeout (at least one millisecond). */
    public SchemaHealthCheck withStatementTimeout(Duration timeout) {
        if (timeout == null || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("the statement timeout must be at least 1 ms, but was " + timeout);
        }
        return new SchemaHealthCheck(contract, timeout, keysAndIndexes, head);
    }

    /**
     * Runs the check on a connection from the data source.
     *
     * @throws HealthCheckException when the check cannot run (no connection, refused login, timeout)
     */
    public HealthReport check(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return check(connection);
        } catch (SQLException e) {
            throw new HealthCheckException("The schema health check could not connect to the database: "
                    + e.getMessage() + SqlStateAdvice.of(e), e);
        }
    }

    /**
     * Runs the check on an open connection, which is left open and in the state it was found.
     *
     * @throws HealthCheckException when the catalog query fails or times out
     */
    public HealthReport check(Connection connection) {
        long start = System.nanoTime();
        SchemaSnapshot snapshot;
        try {
            snapshot = readOnly(connection);
        } catch (SQLException e) {
            throw new HealthCheckException("The schema health check could not read the catalog of schema "
                    + contract.schema() + ": " + e.getMessage() + SqlStateAdvice.of(e), e);
        }
        List<Violation> violations = ContractCheck.check(contract, snapshot,
                keysAndIndexes ? ContractCheck.Scope.FULL : ContractCheck.Scope.COLUMNS);
        return new HealthReport(contract.schema(), contract.source(), violations,
                RemediationSql.generate(contract, violations, head), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Runs the check and throws when the schema is not healthy.
     *
     * @return the (healthy) report
     * @throws SchemaUnhealthyException listing every violation and the remediation SQL
     */
    public HealthReport assertHealthy(DataSource dataSource) {
        HealthReport report = check(dataSource);
        if (!report.isHealthy()) {
            throw new SchemaUnhealthyException(report);
        }
        return report;
    }

    /** The schema's full snapshot; a schema that does not exist is an empty one (every table is then missing). */
    private SchemaSnapshot wholeSchema(Connection connection) throws SQLException {
        try (java.sql.PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            exists.setString(1, contract.schema());
            try (java.sql.ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    return SchemaSnapshot.empty(contract.schema());
                }
            }
        }
        try {
            return SchemaInspector.create().inspect(connection, contract.schema());
        } catch (InspectionException e) {
            throw new SQLException(e.getMessage(), e.getCause() instanceof SQLException sql ? sql.getSQLState() : null, e);
        }
    }

    /**
     * Reads the catalog in a read-only transaction with a statement timeout and the search path on
     * the contract's schema (so types and defaults print as they do for the application). A caller's
     * open transaction is left alone: the check then runs in a savepoint, rolled back afterwards.
     */
    private SchemaSnapshot readOnly(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        boolean readOnly = connection.isReadOnly();
        java.sql.Savepoint savepoint = null;
        try {
            if (autoCommit) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
            } else {
                savepoint = connection.setSavepoint();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
                statement.execute("SET LOCAL search_path TO "
                        + dev.verifiedschema.contract.Identifiers.quote(contract.schema()) + ", pg_catalog");
            }
            return keysAndIndexes ? wholeSchema(connection) : CatalogColumns.read(connection, contract);
        } finally {
            if (savepoint != null) {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            } else {
                connection.rollback();
                connection.setReadOnly(readOnly);
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
