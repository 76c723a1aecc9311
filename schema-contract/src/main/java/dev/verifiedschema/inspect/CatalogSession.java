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
 * The plain-JDBC part of one inspection, on the caller's connection: finds the schema, points
 * {@code search_path} at it for the duration of the inspection, and reads what SchemaCrawler has no
 * model for (enum labels).
 *
 * <p>PostgreSQL's {@code format_type}, {@code pg_get_expr}, {@code pg_get_viewdef} and friends
 * qualify a name with its schema exactly when that schema is not on the search path. With the path
 * set to the inspected schema alone, objects of that schema print bare and objects of any other
 * schema print qualified, whatever the caller's own path was. {@link #close()} restores the path.
 */
final class CatalogSession implements AutoCloseable {
    /**
     * Finds the schema and, if it exists, points the search path at it and sets the narrowing, in one
     * round trip. The lookups are a materialised CTE, so they read the path before it is changed.
     */
    private static final String OPEN = "WITH f AS MATERIALIZED (SELECT pg_catalog.current_database() AS db,"
            + " pg_catalog.current_setting('search_path') AS path,"
            + " (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ?) AS oid)"
            + " SELECT f.db, f.path, f.oid, CASE WHEN f.oid IS NOT NULL THEN"
            + " pg_catalog.set_config('search_path', pg_catalog.quote_ident(?), false)"
            + " || pg_catalog.set_config('" + CatalogSql.RELATIONS + "', ?, false)"
            + " || pg_catalog.set_config('" + CatalogSql.KINDS + "', ?, false) END FROM f";
    private static final String NARROW = "SELECT pg_catalog.set_config('" + CatalogSql.RELATIONS + "', ?, false),"
            + " pg_catalog.set_config('" + CatalogSql.KINDS + "', ?, false)";
    private static final String RESTORE_PATH = "SELECT pg_catalog.set_config('search_path', ?, false),"
            + " pg_catalog.set_config('" + CatalogSql.RELATIONS + "', '', false),"
            + " pg_catalog.set_config('" + CatalogSql.KINDS + "', '', false)";
    private static final String ENUMS = CatalogSql.read("enums");

    private final Connection connection;
    private final long schemaOid;
    private final String previousSearchPath;
    private boolean narrowed;

    private CatalogSession(Connection connection, long schemaOid, String previousSearchPath, boolean narrowed) {
        this.connection = connection;
        this.schemaOid = schemaOid;
        this.previousSearchPath = previousSearchPath;
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
        String previousPath;
        long oid;
        try (PreparedStatement open = connection.prepareStatement(OPEN)) {
            open.setString(1, schema);
            open.setString(2, schema);
            open.setString(3, relations);
            open.setString(4, kinds);
            try (ResultSet rs = open.executeQuery()) {
                rs.next();
                previousPath = rs.getString(2);
                oid = rs.getLong(3);
                if (rs.wasNull()) {
                    throw new InspectionException(schema, "Cannot inspect schema \"" + schema
                            + "\": database \"" + rs.getString(1) + "\" has no schema of that name"
                            + " (names are case-sensitive here; use the name as stored in the catalog)",
                            null);
                }
            }
        }
        return new CatalogSession(connection, oid, previousPath, !relations.isEmpty());
    }

    /** Narrows the catalog queries of this session from now on (arguments as for {@link #open(Connection, String, String, String)}). */
    void narrow(String relations, String kinds) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(NARROW)) {
            set.setString(1, relations);
            set.setString(2, kinds);
            set.execute();
        }
        narrowed = !relations.isEmpty();
    }

    /** Whether the session reads only some tables and views (use {@link CatalogSql#read(String, boolean)} so). */
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

    /** Puts the caller's search path back and clears the narrowing settings. */
    @Override
    public void close() throws SQLException {
        try (PreparedStatement restore = connection.prepareStatement(RESTORE_PATH)) {
            restore.setString(1, previousSearchPath);
            restore.execute();
        }
    }
}
