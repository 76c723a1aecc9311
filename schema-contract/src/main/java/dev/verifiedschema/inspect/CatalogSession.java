package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.EnumType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session part of one inspection, on the caller's connection: finds the schema, points
 * {@code search_path} at it for the duration of the inspection, narrows the catalog queries, and
 * reads enum labels.
 *
 * <p>PostgreSQL's {@code format_type}, {@code pg_get_expr}, {@code pg_get_viewdef} and friends
 * qualify a name with its schema exactly when that schema is not on the search path. With the path
 * set to the inspected schema alone, objects of that schema print bare and objects of any other
 * schema print qualified, whatever the caller's own path was. {@link #close()} restores the path.
 * A caller that reads one schema over and over (the migration stairway, on a connection of its own)
 * can set the path to it once: a session that finds everything already set changes nothing and
 * restores nothing, one round trip less.
 */
final class CatalogSession implements AutoCloseable {
    /**
     * Finds the schema and, if it exists and the session is not already set so, points the search
     * path at it and sets the narrowing, in one round trip. The lookups are materialised CTEs, so
     * they read the settings before any is changed.
     */
    private static final String OPEN = "WITH f AS MATERIALIZED (SELECT pg_catalog.current_database() AS db,"
            + " pg_catalog.current_setting('search_path') AS path,"
            + " COALESCE(pg_catalog.current_setting('" + CatalogSql.RELATIONS + "', true), '') AS rel,"
            + " COALESCE(pg_catalog.current_setting('" + CatalogSql.KINDS + "', true), '') AS kinds,"
            + " (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = a.schema) AS oid,"
            + " pg_catalog.quote_ident(a.schema) AS new_path, a.rel AS new_rel, a.kinds AS new_kinds"
            + " FROM (SELECT ?::pg_catalog.text AS schema, ?::pg_catalog.text AS rel, ?::pg_catalog.text AS kinds) a),"
            + " c AS MATERIALIZED (SELECT f.*, f.oid IS NOT NULL AND (f.path <> f.new_path OR f.rel <> f.new_rel"
            + " OR f.kinds <> f.new_kinds) AS change FROM f)"
            + " SELECT c.db, c.path, c.oid, c.rel, c.kinds, c.change, CASE WHEN c.change THEN"
            + " pg_catalog.set_config('search_path', c.new_path, false)"
            + " || pg_catalog.set_config('" + CatalogSql.RELATIONS + "', c.new_rel, false)"
            + " || pg_catalog.set_config('" + CatalogSql.KINDS + "', c.new_kinds, false) END FROM c";
    private static final String NARROW = "SELECT pg_catalog.set_config('" + CatalogSql.RELATIONS + "', ?, false),"
            + " pg_catalog.set_config('" + CatalogSql.KINDS + "', ?, false)";
    private static final String RESTORE_PATH = "SELECT pg_catalog.set_config('search_path', ?, false),"
            + " pg_catalog.set_config('" + CatalogSql.RELATIONS + "', ?, false),"
            + " pg_catalog.set_config('" + CatalogSql.KINDS + "', ?, false)";
    private static final String ENUMS = CatalogSql.read("enums");

    private final Connection connection;
    private final long schemaOid;
    /** The search path and narrowing settings of a connection. */
    private record Settings(String searchPath, String relations, String kinds) {
    }

    /** The settings as the session found them. */
    private final Settings previous;
    /** Whether the session changed a setting, and so must put them back. */
    private boolean changed;
    private boolean narrowed;

    private CatalogSession(Connection connection, long schemaOid, Settings previous, boolean changed,
                           boolean narrowed) {
        this.connection = connection;
        this.schemaOid = schemaOid;
        this.previous = previous;
        this.changed = changed;
        this.narrowed = narrowed;
    }

    /**
     * Finds the schema and sets the search path to it; the catalog queries read all of it.
     *
     * @throws InspectionException when the database has no schema of that name
     */
    static CatalogSession open(Connection connection, String schema) throws SQLException {
        return open(connection, schema, "", "");
    }

    /**
     * Finds the schema, sets the search path to it, and narrows the catalog queries (see {@link CatalogSql}).
     *
     * @param relations the tables and views to read as a JSON array, or empty for all
     * @param kinds     {@code sequences} and/or {@code functions} comma-separated, {@code none}, or empty for both
     * @throws InspectionException when the database has no schema of that name
     */
    static CatalogSession open(Connection connection, String schema, String relations, String kinds)
            throws SQLException {
        Settings previous;
        boolean changed;
        long oid;
        try (PreparedStatement open = connection.prepareStatement(OPEN)) {
            open.setString(1, schema);
            open.setString(2, relations);
            open.setString(3, kinds);
            try (ResultSet rs = open.executeQuery()) {
                rs.next();
                previous = new Settings(rs.getString(2), rs.getString(4), rs.getString(5));
                changed = rs.getBoolean(6);
                oid = rs.getLong(3);
                if (rs.wasNull()) {
                    throw new InspectionException(schema, "Cannot inspect schema \"" + schema
                            + "\": database \"" + rs.getString(1) + "\" has no schema of that name"
                            + " (names are case-sensitive here; use the name as stored in the catalog)",
                            null);
                }
            }
        }
        return new CatalogSession(connection, oid, previous, changed, !relations.isEmpty());
    }

    /** Narrows the catalog queries of this session from now on (arguments as for {@link #open(Connection, String, String, String)}). */
    void narrow(String relations, String kinds) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(NARROW)) {
            set.setString(1, relations);
            set.setString(2, kinds);
            set.execute();
        }
        changed = true;
        narrowed = !relations.isEmpty();
    }

    /** Whether the session reads only some tables and views (use {@link CatalogSql#with(boolean)} so). */
    boolean narrowed() {
        return narrowed;
    }

    /** The schema's OID, which the catalog queries use to select its objects. */
    long schemaOid() {
        return schemaOid;
    }

    /** The schema's enum types, each with its labels in sort order. */
    Map<String, EnumType> readEnums() throws SQLException {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(ENUMS)) {
            ps.setLong(1, schemaOid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        Map<String, EnumType> enums = new LinkedHashMap<>();
        labels.forEach((name, values) -> enums.put(name, new EnumType(name, values)));
        return enums;
    }

    /** Puts the caller's search path and narrowing settings back, if the session changed them. */
    @Override
    public void close() throws SQLException {
        if (!changed) {
            return;
        }
        try (PreparedStatement restore = connection.prepareStatement(RESTORE_PATH)) {
            restore.setString(1, previous.searchPath());
            restore.setString(2, previous.relations());
            restore.setString(3, previous.kinds());
            restore.execute();
        }
    }
}
