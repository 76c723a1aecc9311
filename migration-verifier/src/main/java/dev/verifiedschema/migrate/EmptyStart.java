package dev.verifiedschema.migrate;

import dev.verifiedschema.contract.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two ways a stairway could pass having checked nothing: a schema that already holds tables (or
 * whose Flyway history lists applied versions), where Flyway would apply nothing (a database left by a
 * full downgrade to zero, with an empty history table, is empty again); and versions of the set that
 * Flyway did not apply on the climb (a target, a version filter).
 */
final class EmptyStart {
    private EmptyStart() {
    }

    /** Why the schema is not an empty start, as a sentence; empty when it is one. */
    static Optional<String> check(Connection connection, String schema) throws SQLException {
        long count;
        String names;
        try (PreparedStatement query = connection.prepareStatement("SELECT string_agg(c.relname::text, ', '"
                + " ORDER BY c.relname) FILTER (WHERE n < 6), count(*) FROM (SELECT c.relname, row_number() OVER "
                + "(ORDER BY c.relname) AS n FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
                + "AND c.relname <> 'flyway_schema_history' "
                + "AND c.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ?)) c")) {
            query.setString(1, schema);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                names = rs.getString(1);
                count = rs.getLong(2);
            }
        }
        long applied = appliedVersions(connection, schema);
        if (count == 0 && applied == 0) {
            return Optional.empty();
        }
        String holds = (count == 0 ? "" : count + " relation" + (count == 1 ? "" : "s") + " (" + names
                + (count > 5 ? ", ..." : "") + ")") + (count > 0 && applied > 0 ? " and " : "")
                + (applied == 0 ? "" : "Flyway's history lists " + applied + " applied version"
                + (applied == 1 ? "" : "s"));
        return Optional.of("The database is not empty: schema " + schema + " already holds " + holds + ", so the "
                + "stairway would not see what the migrations build. Give it an empty database; to prove only the "
                + "versions above those a database already has, start from its version (startingAt, or rehearse).");
    }

    private static long appliedVersions(Connection connection, String schema) throws SQLException {
        try (PreparedStatement history = connection.prepareStatement("SELECT pg_catalog.to_regclass("
                + "pg_catalog.quote_ident(?) || '.flyway_schema_history') IS NOT NULL")) {
            history.setString(1, schema);
            try (ResultSet rs = history.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (Statement rows = connection.createStatement();
             ResultSet n = rows.executeQuery("SELECT count(*) FROM " + Identifiers.quote(schema)
                     + ".flyway_schema_history WHERE version IS NOT NULL AND success")) {
            n.next();
            return n.getLong(1);
        }
    }

    /** Versions to climb that no step reached, as a finding; empty when every one was climbed. */
    static Optional<Finding> notApplied(List<StepResult> steps, List<MigrationScript> toClimb) {
        Set<String> reached = new HashSet<>();
        steps.forEach(s -> reached.add(s.version()));
        List<String> missed = toClimb.stream().map(f -> f.version().text()).filter(v -> !reached.contains(v))
                .map(v -> "V" + v).toList();
        if (missed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding("forward", null, null, Finding.NOT_APPLIED, String.join(", ", missed),
                "Flyway did not apply " + String.join(", ", missed) + ", so the stairway checked nothing of "
                + (missed.size() == 1 ? "it" : "them") + ". A Flyway setting (target, a version filter, "
                + "out-of-order) or the history of a non-empty schema left them out; remove it or start from an "
                + "empty database.", null));
    }
}
