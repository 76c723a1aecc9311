package dev.verifiedschema.provision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.verifiedschema.contract.Identifiers.quote;

/**
 * Databases an earlier run left on an external server when it was killed (no close, no drop), found
 * and dropped by the next run. While a process uses an external server it holds a session-level
 * advisory lock whose key is its own ({@link #key()}), on a connection of its own; every database it
 * creates is marked with that key ({@link #marker()}). A database is stale when nobody holds its key
 * any more — its process is gone, whatever machine or container it ran in — and nobody is connected
 * to it. Only databases with the toolkit's prefix, owned by the connecting role and marked are
 * considered: anyone else's database is never touched.
 */
final class StaleDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(StaleDatabases.class);
    private static final Pattern MARKER = Pattern.compile("verified-schema key=(\\d+) host=(\\S+) pid=(\\d+) created=(\\d+)");
    /** "vs_" and a zero byte in the high half: the low half is the JVM's token. */
    private static final long KEY_SPACE = 0x76735f00L << 32;

    private StaleDatabases() {
    }

    /** This JVM's presence key. */
    static long key() {
        return KEY_SPACE | Long.parseLong(ManagedServer.TOKEN, 16);
    }

    static String marker() {
        return "verified-schema key=" + key() + " host=" + host() + " pid=" + ProcessHandle.current().pid()
                + " created=" + System.currentTimeMillis();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("\\s", "_");
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /**
     * Holds this JVM's presence key (shared: every server of the JVM holds it) on a connection of its
     * own, for as long as the connection is open.
     *
     * @return the connection; close it when the server is closed
     */
    static Connection announcePresence(ManagedServer server) throws SQLException {
        Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
        try (Statement s = c.createStatement()) {
            // the connection sits idle for the whole run: a server's idle_session_timeout (PostgreSQL 14+)
            // must not end it, or a concurrent run would take this run's databases for a dead one's
            s.execute("SELECT pg_catalog.set_config('idle_session_timeout', '0', false) WHERE pg_catalog.current_setting("
                    + "'server_version_num')::int >= 140000");
            s.execute("SELECT pg_catalog.pg_advisory_lock_shared(" + key() + ")");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Drops the stale databases of this role on the server; logs what it dropped, never fails the run. */
    static void dropFrom(ManagedServer server) {
        List<String> stale = new ArrayList<>();
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("WITH held AS (SELECT ARRAY(SELECT (l.classid::bigint << 32) | "
                     + "l.objid::bigint FROM pg_catalog.pg_locks l WHERE l.locktype = 'advisory' AND l.objsubid = 1 "
                     + "AND l.granted) AS keys) "
                     + "SELECT d.datname, pg_catalog.shobj_description(d.oid, 'pg_database'), "
                     + "(SELECT count(*) FROM pg_catalog.pg_stat_activity a WHERE a.datid = d.oid), held.keys "
                     + "FROM held, pg_catalog.pg_database d WHERE d.datname LIKE 'vs\\_%' "
                     + "AND d.datdba = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)")) {
            while (rs.next()) {
                java.util.Set<Long> held = new java.util.HashSet<>();
                for (Object k : (Object[]) rs.getArray(4).getArray()) {
                    held.add(((Number) k).longValue());
                }
                String why = staleBecause(rs.getString(2), rs.getLong(3), held);
                if (why != null) {
                    stale.add(rs.getString(1));
                    LOG.info("Dropping database {} on {}: {}", rs.getString(1), server.description(), why);
                }
            }
        } catch (SQLException e) {
            LOG.warn("Could not look for databases earlier runs left on {}: {}", server.description(), e.getMessage());
            return;
        }
        for (String name : stale) {
            try {
                server.adminStatement("DROP DATABASE IF EXISTS " + quote(name), "drop stale database " + name);
            } catch (ProvisionException e) {
                LOG.warn("Could not drop database {}, which an earlier run left: {}", name, e.getMessage());
            }
        }
    }

    /** Why the marked database is stale, or {@code null} when it is not ours to drop or still in use. */
    static String staleBecause(String comment, long connections, java.util.Set<Long> heldKeys) {
        Matcher m = comment == null ? null : MARKER.matcher(comment);
        if (m == null || !m.matches() || connections > 0 || heldKeys.contains(Long.parseLong(m.group(1)))) {
            return null;
        }
        return "process " + m.group(3) + " on " + m.group(2) + " created it "
                + Duration.ofMillis(System.currentTimeMillis() - Long.parseLong(m.group(4))).toMinutes()
                + " min ago and is gone (it no longer holds its presence lock)";
    }
}
