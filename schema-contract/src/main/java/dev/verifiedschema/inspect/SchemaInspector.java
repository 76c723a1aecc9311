package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.EnumType;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;
import dev.verifiedschema.snapshot.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the live PostgreSQL catalog of one schema into a {@link SchemaSnapshot}.
 *
 * <p>The catalog is read with pg_catalog SQL of our own, one query per kind of object for the whole
 * schema, all sent as one statement, so the number of round trips does not grow with the number of
 * tables ({@code CatalogReader}). The test suite reads every schema it inspects with SchemaCrawler
 * too, from the same SQL, and requires equal snapshots. What goes into the snapshot:
 * <ul>
 *   <li>tables with their columns (type as {@code format_type} spells it, nullability, default as
 *       {@code pg_get_expr} prints it, identity), primary key, foreign keys, all indexes (including
 *       those backing keys; key columns or expressions in order, partial predicate, access method,
 *       {@code INCLUDE} columns),
 *       unique constraints, check constraints ({@code pg_get_constraintdef}) and user triggers
 *       ({@code pg_get_triggerdef}; internal ones such as foreign key triggers are left out);</li>
 *   <li>plain and materialised views ({@code pg_get_viewdef}, without its leading blank), sequences
 *       (type, start, increment and owning column, never the current value), enum types with their
 *       labels in sort order, functions, procedures, aggregates and window functions by
 *       signature (with their options: volatility, strictness, security, parallel safety, cost,
 *       rows and every {@code SET}), and the extensions installed in the schema, with their version.</li>
 * </ul>
 * Objects that belong to an extension and Flyway's {@code flyway_schema_history} table are never
 * part of a snapshot. Names of objects in the inspected schema are printed bare and names in any
 * other schema are qualified with it, whatever the connection's {@code search_path} is (the one
 * exception is PostgreSQL's own: {@code pg_get_triggerdef} always qualifies the trigger's table).
 *
 * <p>Instances are immutable and thread-safe; one inspection uses only the connection it is given.
 */
public final class SchemaInspector {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaInspector.class);

    private SchemaInspector() {
    }

    /**
     * An inspector with the standard settings.
     *
     * @return a new inspector
     */
    public static SchemaInspector create() {
        return new SchemaInspector();
    }

    /**
     * Reads one schema of the database behind {@code connection}.
     *
     * <p>The connection is left open and as it was found: for the duration of the call its
     * {@code search_path} points at the inspected schema (so that PostgreSQL prints the names of that
     * schema's objects bare), and it is restored before returning. Statements run in the caller's
     * transaction, if one is open.
     *
     * @param connection an open connection to a PostgreSQL database
     * @param schema     the schema name exactly as stored in the catalog (case-sensitive, unquoted),
     *                   for example {@code public}
     * @return the snapshot of that schema; empty if the schema exists but holds nothing
     * @throws InspectionException if the database has no schema of that name, or the catalog cannot
     *                             be read; the message names the schema and the cause
     */
    public SchemaSnapshot inspect(Connection connection, String schema) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
        long started = System.nanoTime();
        SchemaSnapshot snapshot = read(connection, schema, "", "", true);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Inspected schema {} in {} ms: {} tables, {} views, {} sequences, {} enums, {} functions",
                    schema, (System.nanoTime() - started) / 1_000_000, snapshot.tables().size(),
                    snapshot.views().size(), snapshot.sequences().size(), snapshot.enums().size(),
                    snapshot.functions().size());
        }
        return snapshot;
    }

    /**
     * Hashes of the schema as {@link #inspect} would see it, one per table or view and one each for its
     * sequences, functions and enum types, read in one round trip and computed by the server. Two
     * fingerprints of the same schema on the same database are equal only if the two snapshots would be
     * equal; when they differ, the snapshots may still be equal (inspect to know), and the parts that
     * differ are what {@link #update} reads again. This is for callers that compare a schema with an
     * earlier state of itself many times, such as the migration stairway: a fingerprint costs a
     * fraction of a snapshot.
     *
     * @param connection an open connection to a PostgreSQL database, left as it was found
     * @param schema     the schema name exactly as stored in the catalog
     * @return the fingerprint, part by part
     * @throws InspectionException if the database has no schema of that name, or the catalog cannot be read
     */
    public Fingerprint fingerprint(Connection connection, String schema) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
        try (CatalogSession session = CatalogSession.open(connection, schema)) {
            return CatalogFingerprint.read(connection, session);
        } catch (InspectionException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw new InspectionException(schema, "Cannot fingerprint schema \"" + schema + "\": " + describe(e), e);
        }
    }

    /**
     * The snapshot of the schema as it is now, made from an earlier snapshot by reading again only
     * the tables and views whose part of the fingerprint changed (and the sequences, functions or enum
     * types if theirs did). For a caller that follows a schema through many small changes, such as
     * the migration stairway, this costs what the changed objects cost, not what the whole schema does.
     * The result equals {@link #inspect} of the schema now, provided that {@code earlier} and
     * {@code then} were taken of one state of this schema and {@code now} of its current state. The
     * tables to read are passed to the catalog queries as session settings, so do not call this
     * through a pooler in transaction mode (which may run the setting and the queries on different
     * server connections); {@link #inspect} is safe there, as it reads everything when no setting
     * reaches the server.
     *
     * @param connection an open connection to a PostgreSQL database, left as it was found
     * @param schema     the schema name exactly as stored in the catalog
     * @param earlier    a snapshot of the schema at some earlier state
     * @param then       the fingerprint of the schema at that state
     * @param now        the fingerprint of the schema as it is now
     * @return the snapshot of the schema now; {@code earlier} itself when the fingerprints are equal
     * @throws InspectionException if the database has no schema of that name, or the catalog cannot be read
     */
    public SchemaSnapshot update(Connection connection, String schema, SchemaSnapshot earlier, Fingerprint then,
                                 Fingerprint now) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
        Set<String> relations = now.changedRelations(then);
        Set<String> kinds = now.changedKinds(then);
        if (relations.isEmpty() && kinds.isEmpty()) {
            return earlier;
        }
        if (now.isEmptySchema()) {
            return SchemaSnapshot.empty(schema);
        }
        if (kinds.contains(Fingerprint.SCHEMA)) {
            return read(connection, schema, "", "", true);
        }
        List<String> others = new ArrayList<>();
        for (String kind : List.of(Fingerprint.SEQUENCES, Fingerprint.FUNCTIONS)) {
            if (kinds.contains(kind)) {
                others.add(kind);
            }
        }
        String names = CatalogJson.array(relations);
        SchemaSnapshot changed = read(connection, schema, names,
                others.isEmpty() ? "none" : String.join(",", others), kinds.contains(Fingerprint.ENUMS));
        Map<String, Table> tables = new HashMap<>(earlier.tables());
        Map<String, View> views = new HashMap<>(earlier.views());
        tables.keySet().removeAll(relations);
        views.keySet().removeAll(relations);
        tables.putAll(changed.tables());
        views.putAll(changed.views());
        return new SchemaSnapshot(schema, tables, views,
                kinds.contains(Fingerprint.SEQUENCES) ? changed.sequences() : earlier.sequences(),
                kinds.contains(Fingerprint.ENUMS) ? changed.enums() : earlier.enums(),
                kinds.contains(Fingerprint.FUNCTIONS) ? changed.functions() : earlier.functions(),
                kinds.contains(Fingerprint.EXTENSIONS) ? changed.extensions() : earlier.extensions());
    }

    /**
     * Plans the statements of {@link #update} on this connection ahead of use, so that the first
     * update does not wait for it: the server plans a prepared statement once per connection, and
     * the catalog statements take 10 to 15 ms to plan. For a caller that keeps a connection for many
     * updates and has time to spare before the first, such as the migration stairway while Flyway
     * sets itself up. Reads nothing of the schema's objects.
     *
     * @param connection the connection the updates will use, left as it was found
     * @param schema     the schema name exactly as stored in the catalog
     * @throws InspectionException if the database has no schema of that name, or the catalog cannot be read
     */
    public void prepare(Connection connection, String schema) {
        Objects.requireNonNull(connection, "connection");
        read(connection, Objects.requireNonNull(schema, "schema"), "[]", "none", false);
    }

    /** Reads the schema, as far as the narrowing settings let the catalog queries see it. */
    private static SchemaSnapshot read(Connection connection, String schema, String relations, String kinds,
                                       boolean enums) {
        try (CatalogSession session = CatalogSession.open(connection, schema, relations, kinds)) {
            Map<String, EnumType> enumTypes = enums ? session.readEnums() : Map.of();
            return CatalogReader.read(connection, schema, session, enumTypes);
        } catch (InspectionException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw new InspectionException(schema, "Cannot inspect schema \"" + schema + "\": " + describe(e), e);
        }
    }

    /** The innermost message, which is where the database's words are. */
    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
