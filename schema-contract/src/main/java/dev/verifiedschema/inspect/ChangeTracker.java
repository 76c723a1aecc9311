package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps a schema's {@link Fingerprint} up to date by rehashing only what DDL touched, for a caller
 * that fingerprints one database after every small change, such as the migration stairway on its
 * scratch database. A full fingerprint reads every table's catalog rows, so a stairway over a growing
 * schema would cost the square of its length; this costs what each step changes.
 *
 * <p>{@link #install} creates, in the database, the schema {@value #TRACKER_SCHEMA} with a log table
 * and two event triggers ({@code ddl_command_end} and {@code sql_drop}, enabled {@code ALWAYS}, so
 * they fire under {@code session_replication_role = replica} too) that log every object each DDL
 * command creates, alters or drops, in the command's own transaction. {@link #fingerprint} empties the
 * log and turns it into the tables and views to rehash: the objects logged, everything that depends
 * on them, directly or not ({@code pg_depend}, followed to the end: a renamed table changes the
 * foreign keys and views that name it, a renamed type the columns of its array type, a column added
 * to a parent the grandchildren), their tables (an index, constraint, default, trigger or rule
 * belongs to one), and, for dropped objects,
 * the table their address names; a dropped index names no table, so the snapshot taken before the
 * change says which table held it. Tables and views that appeared, vanished or were renamed are found
 * by OID: the tracker keeps the schema's tables and views by OID (listed once at install), and the log
 * names every relation a command created, altered, renamed, moved or dropped; when an extension
 * changed (it may have adopted or let go of a table, which logs only the extension), the tables are
 * listed again and the schema's extensions rehashed.
 * Sequences, functions and enum types are rehashed when any sequence, function or type was logged
 * (in whatever schema: one may have moved out of this one), the schema row and enum types always. When the log cannot say (the schema itself changed, an index of unknown table was
 * dropped, the event triggers are gone or disabled), the whole schema is fingerprinted.
 *
 * <p>Event triggers need a superuser: {@link #install} returns empty when they cannot be created, and
 * the caller fingerprints in full. Changes made without DDL (a direct update of a system catalog) are
 * not seen, and neither is DDL run with the event triggers switched off ({@code SET event_triggers =
 * off}, PostgreSQL 17); the stairway compares its tracked fingerprint with a full one at the head to
 * be sure. A tracker follows one database, one call after the other: {@code previous} must be what
 * its last call returned (or a full fingerprint taken since), and one database has one tracker at a
 * time ({@link #install} replaces an earlier one's objects).
 * {@link #uninstall} drops everything it created. Not for production databases.
 */
public final class ChangeTracker {
    /** The schema that holds the log table and the trigger functions. */
    public static final String TRACKER_SCHEMA = "verifiedschema_ddl";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeTracker.class);
    private static final String UNTRACKED = "untracked";
    /** A kind of change in the DDL log: an extension changed, and with it maybe its members. */
    private static final String EXTENSION = "extension";
    /** Stands for the table of a dropped index that the earlier snapshot does not know (never a real name: NUL). */
    private static final String UNKNOWN_TABLE = "\0";
    private static final String INSTALL = """
            CREATE SCHEMA verifiedschema_ddl;
            CREATE UNLOGGED TABLE verifiedschema_ddl.log (classid pg_catalog.oid, objid pg_catalog.oid,
                object_type pg_catalog.text, address pg_catalog.text[]);
            CREATE FUNCTION verifiedschema_ddl.on_end() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog AS $$
            BEGIN
                INSERT INTO verifiedschema_ddl.log SELECT classid, objid, object_type, NULL
                FROM pg_catalog.pg_event_trigger_ddl_commands();
            END $$;
            CREATE FUNCTION verifiedschema_ddl.on_drop() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER
                SET search_path = pg_catalog AS $$
            BEGIN
                INSERT INTO verifiedschema_ddl.log SELECT classid, objid, object_type, address_names
                FROM pg_catalog.pg_event_trigger_dropped_objects();
            END $$;
            CREATE EVENT TRIGGER verifiedschema_ddl_end ON ddl_command_end EXECUTE FUNCTION verifiedschema_ddl.on_end();
            CREATE EVENT TRIGGER verifiedschema_ddl_drop ON sql_drop EXECUTE FUNCTION verifiedschema_ddl.on_drop();
            ALTER EVENT TRIGGER verifiedschema_ddl_end ENABLE ALWAYS;
            ALTER EVENT TRIGGER verifiedschema_ddl_drop ENABLE ALWAYS""";
    private static final String UNINSTALL = "DROP EVENT TRIGGER IF EXISTS verifiedschema_ddl_end;\n"
            + "DROP EVENT TRIGGER IF EXISTS verifiedschema_ddl_drop;\n"
            + "DROP SCHEMA IF EXISTS verifiedschema_ddl CASCADE";
    /**
     * Which {@code pg_class} rows (alias {@code c}) are the tables and views a snapshot holds: those
     * the TABLES query reads (of the schema, not Flyway's history table, no extension's member).
     */
    private static final String SNAPSHOT_RELATION = "c.relnamespace = ${schemaOid} AND c.relkind IN ('r', 'p', 'v', 'm')"
            + " AND c.relname <> 'flyway_schema_history' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
            + " WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'e')";
    /** The schema's tables and views a snapshot holds, by OID. */
    private static final String RELATIONS = "SELECT c.oid, c.relname::text FROM pg_catalog.pg_class c WHERE "
            + SNAPSHOT_RELATION;
    /**
     * Empties the log and says what it touched, one row per finding (the dependents of what was
     * touched are looked up through pg_depend's index, one object at a time: the OFFSET 0 keeps the
     * planner from joining the whole of pg_depend by hash at every step of the recursion, which cost
     * as much as the rest of the statement and grew with the database): ({@code relation}, name) for a
     * table or view of the schema, ({@code index}, name) for a dropped index of the schema, ({@code
     * kind}, sequences|functions|enums|schema), and ({@code touched}, "oid name") for every relation
     * the log names, with its name if it is now a table or view a snapshot holds, else none (dropped,
     * moved to another schema, an index); ({@code kind}, {@code extension}) when an extension changed
     * (adopting or letting go of a table logs only the extension), and ({@code kind}, {@code untracked})
     * when the event triggers are not both enabled.
     */
    private static final String READ_LOG = """
            WITH RECURSIVE ev AS (DELETE FROM verifiedschema_ddl.log RETURNING classid, objid, object_type, address),
            obj(classid, objid) AS (
                SELECT ev.classid, ev.objid FROM ev
                WHERE ev.address IS NULL AND ev.classid <> 'pg_catalog.pg_namespace'::pg_catalog.regclass
                UNION
                SELECT d.classid, d.objid FROM obj CROSS JOIN LATERAL (SELECT d.classid, d.objid
                    FROM pg_catalog.pg_depend d WHERE d.refclassid = obj.classid AND d.refobjid = obj.objid
                    OFFSET 0) d
                WHERE d.classid <> 'pg_catalog.pg_namespace'::pg_catalog.regclass),
            rel AS (
                SELECT CASE obj.classid
                    WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN (SELECT COALESCE(i.indrelid, c.oid)
                        FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid
                        WHERE c.oid = obj.objid)
                    WHEN 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN (SELECT a.adrelid
                        FROM pg_catalog.pg_attrdef a WHERE a.oid = obj.objid)
                    WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN (SELECT NULLIF(k.conrelid, 0)
                        FROM pg_catalog.pg_constraint k WHERE k.oid = obj.objid)
                    WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN (SELECT t.tgrelid
                        FROM pg_catalog.pg_trigger t WHERE t.oid = obj.objid)
                    WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN (SELECT r.ev_class
                        FROM pg_catalog.pg_rewrite r WHERE r.oid = obj.objid)
                    WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN (SELECT NULLIF(t.typrelid, 0)
                        FROM pg_catalog.pg_type t WHERE t.oid = obj.objid)
                END AS relid, obj.classid, obj.objid FROM obj)
            SELECT 'relation', c.relname::text FROM rel JOIN pg_catalog.pg_class c ON c.oid = rel.relid
            WHERE c.relnamespace = ${schemaOid} AND c.relkind IN ('r', 'p', 'v', 'm')
            UNION
            SELECT 'kind', CASE
                WHEN rel.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass THEN 'functions'
                WHEN rel.classid = 'pg_catalog.pg_type'::pg_catalog.regclass THEN 'enums'
                WHEN rel.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND EXISTS (SELECT 1
                    FROM pg_catalog.pg_class s WHERE s.oid = rel.objid AND s.relkind = 'S') THEN 'sequences'
                END FROM rel
            UNION
            SELECT 'kind', 'schema' FROM ev
            WHERE ev.address IS NULL AND ev.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
            UNION
            SELECT CASE WHEN ev.object_type = 'index' THEN 'index' ELSE 'relation' END, ev.address[2] FROM ev
            WHERE ev.address[1] = (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = ${schemaOid})
              AND ev.object_type IN ('index', 'table column', 'table constraint', 'trigger', 'default value', 'rule')
            UNION
            SELECT 'kind', CASE
                WHEN ev.object_type = 'schema' THEN 'schema'
                WHEN ev.object_type = 'sequence' THEN 'sequences'
                WHEN ev.object_type IN ('function', 'procedure', 'aggregate') THEN 'functions'
                WHEN ev.object_type = 'type' THEN 'enums'
                END FROM ev
            WHERE ev.address IS NOT NULL AND (ev.object_type = 'schema' AND ev.address[1] = (SELECT n.nspname
                FROM pg_catalog.pg_namespace n WHERE n.oid = ${schemaOid}) OR ev.address[1] = (SELECT n.nspname
                FROM pg_catalog.pg_namespace n WHERE n.oid = ${schemaOid}))
            UNION
            SELECT 'touched', ev.objid::text || ' ' || COALESCE((SELECT c.relname::text FROM pg_catalog.pg_class c
                WHERE c.oid = ev.objid AND ${snapshotRelation}), '') FROM ev
            WHERE ev.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
            UNION
            SELECT 'kind', 'extension' FROM ev WHERE ev.classid = 'pg_catalog.pg_extension'::pg_catalog.regclass
            UNION
            SELECT 'kind', 'untracked' WHERE (SELECT pg_catalog.count(*) FROM pg_catalog.pg_event_trigger e
                WHERE e.evtname IN ('verifiedschema_ddl_end', 'verifiedschema_ddl_drop') AND e.evtenabled = 'A') <> 2"""
            .replace("${snapshotRelation}", SNAPSHOT_RELATION);

    private final String schema;
    /**
     * The schema's tables and views by OID, as of the last fingerprint: a table's name changes, and a
     * table comes or goes, only by DDL on that table, which the log names by OID; so the log says
     * which names appeared and vanished without listing every table at every step.
     */
    private Map<Long, String> known;

    private ChangeTracker(String schema, Map<Long, String> known) {
        this.schema = schema;
        this.known = known;
    }

    /**
     * Installs the tracker in the database behind the connection (an auto-commit connection; the
     * tracker's objects are created in one transaction, and any left by an earlier run are replaced).
     *
     * @param connection a connection to the database, left open
     * @param schema     the schema whose fingerprint will be kept, as stored in the catalog
     * @return the tracker, or empty when event triggers cannot be created here (the role is not a
     *         superuser); the reason is logged at INFO
     */
    public static Optional<ChangeTracker> install(Connection connection, String schema) throws SQLException {
        Objects.requireNonNull(schema, "schema");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        boolean committed = false;
        try (Statement statement = connection.createStatement()) {
            statement.execute(UNINSTALL);
            statement.execute(INSTALL);
            Map<Long, String> known = relations(connection, schemaOid(connection, schema));
            connection.commit();
            committed = true;
            return Optional.of(new ChangeTracker(schema, known));
        } catch (SQLException e) {
            LOG.info("Fingerprinting schema {} in full after every step: DDL cannot be tracked here ({})", schema,
                    e.getMessage());
            return Optional.empty();
        } finally {
            if (!committed) {
                // whatever stopped it, nothing stays installed: switching auto-commit back on would commit it
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The fingerprint of the schema now: {@code previous} with what DDL touched since the last call
     * rehashed (or since {@link #install}, when {@code previous} was taken after installing).
     *
     * @param connection a connection that runs no DDL itself, left as it was found
     * @param previous   the fingerprint at the last call
     * @param before     the snapshot of the schema when {@code previous} was taken: it says which table
     *                   held an index that was dropped since
     * @return the fingerprint now
     * @throws InspectionException if the catalog cannot be read
     */
    public Fingerprint fingerprint(Connection connection, Fingerprint previous, SchemaSnapshot before) {
        Set<String> relations = new TreeSet<>();
        Set<String> kinds = new HashSet<>();
        Map<Long, String> touched = new HashMap<>();
        try (CatalogSession session = CatalogSession.open(connection, schema)) {
            try (PreparedStatement read = connection.prepareStatement(READ_LOG.replace("${schemaOid}",
                    Long.toString(session.schemaOid())))) {
                CatalogSql.prepareAtOnce(read);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(2);
                        if (name == null) {
                            continue;
                        }
                        switch (rs.getString(1)) {
                            case "relation" -> relations.add(name);
                            case "touched" -> {
                                int space = name.indexOf(' ');
                                String now = name.substring(space + 1);
                                touched.put(Long.parseLong(name.substring(0, space)), now.isEmpty() ? null : now);
                            }
                            case "index" -> relations.add(tableOfIndex(before, name).orElse(UNKNOWN_TABLE));
                            default -> kinds.add(name);
                        }
                    }
                }
            }
            if (kinds.contains(Fingerprint.SCHEMA) || kinds.contains(UNTRACKED) || relations.contains(UNKNOWN_TABLE)) {
                known = relations(connection, session.schemaOid());
                return CatalogFingerprint.read(connection, session);
            }
            if (kinds.remove(EXTENSION)) {
                // an extension was created, dropped, updated or moved: the schema's extensions are
                // hashed again (they always are when anything is), and this step is not a no-op
                kinds.add(Fingerprint.EXTENSIONS);
                // it may have adopted or let go of a table or view, which logs only the extension:
                // the list of the schema's tables says which
                Map<Long, String> now = relations(connection, session.schemaOid());
                for (Long oid : known.keySet()) {
                    if (!now.containsKey(oid)) {
                        touched.putIfAbsent(oid, null);
                    }
                }
                touched.putAll(now);
            }
            boolean renamedOrGone = false;
            for (Map.Entry<Long, String> relation : touched.entrySet()) {
                String was = known.get(relation.getKey());
                String now = relation.getValue();
                if (now == null) {
                    renamedOrGone |= known.remove(relation.getKey()) != null;
                } else if (!now.equals(was)) {
                    renamedOrGone |= was != null;
                    known.put(relation.getKey(), now);
                    relations.add(now);
                }
            }
            Set<String> names = new HashSet<>(known.values());
            if (relations.isEmpty() && kinds.isEmpty() && !renamedOrGone && previous.relationCount() == names.size()
                    && names.stream().allMatch(previous::hasRelation)) {
                return previous;
            }
            for (String name : names) {
                if (!previous.hasRelation(name)) {
                    relations.add(name);
                }
            }
            relations.retainAll(names);
            List<String> rehashedKinds = kinds.stream().filter(k -> k.equals(Fingerprint.SEQUENCES)
                    || k.equals(Fingerprint.FUNCTIONS)).sorted().toList();
            session.narrow(json(relations), rehashedKinds.isEmpty() ? "none" : String.join(",", rehashedKinds));
            Fingerprint fresh = CatalogFingerprint.read(connection, session);
            return previous.with(fresh, relations, names, rehashedKinds);
        } catch (InspectionException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw new InspectionException(schema, "Cannot fingerprint schema \"" + schema + "\" from its DDL log: "
                    + e.getMessage(), e);
        }
    }

    /** The OID of the schema, by name. */
    private static long schemaOid(Connection connection, String schema) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ?")) {
            find.setString(1, schema);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the database has no schema \"" + schema + "\"");
                }
                return rs.getLong(1);
            }
        }
    }

    /** The schema's tables and views a snapshot holds, by OID: a full listing, at the start and after a full read. */
    private static Map<Long, String> relations(Connection connection, long schemaOid) throws SQLException {
        Map<Long, String> relations = new HashMap<>();
        try (Statement list = connection.createStatement();
             ResultSet rs = list.executeQuery(RELATIONS.replace("${schemaOid}", Long.toString(schemaOid)))) {
            while (rs.next()) {
                relations.put(rs.getLong(1), rs.getString(2));
            }
        }
        return relations;
    }

    /** The table that held a dropped index, from the snapshot taken before. */
    private static Optional<String> tableOfIndex(SchemaSnapshot before, String index) {
        return before.tables().values().stream().filter(t -> t.indexes().containsKey(index)).map(Table::name)
                .findFirst();
    }

    private static String json(Set<String> names) {
        return CatalogJson.array(names);
    }

    /**
     * Drops the event triggers and the tracker's schema.
     *
     * @param connection a connection to the database, in auto-commit
     */
    public void uninstall(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(UNINSTALL);
        }
    }
}
