package dev.verifiedschema.inspect;

import dev.verifiedschema.migrate.Flyways;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/** Times the fingerprint statement against a variant (text replacement) alternately on one connection. */
public final class AbFp {
    public static void main(String[] args) throws Exception {
        try (SharedServers.Lease lease = SharedServers.acquire(new ServerSettings(ProviderKind.EMBEDDED, null, null, null, 0, null))) {
            var server = lease.server();
            String db = server.createDatabase(null);
            Flyways.configure(server.dataSource(db), List.of("filesystem:/work/main/migration-tests/src/main/resources/db/migration"), "public").load().migrate();
            try (Connection c = server.dataSource(db).getConnection(); Statement s = c.createStatement()) {
                long oid;
                try (ResultSet rs = s.executeQuery("select oid from pg_namespace where nspname='public'")) { rs.next(); oid = rs.getLong(1); }
                s.execute("set search_path to public");
                java.lang.reflect.Field f = CatalogFingerprint.class.getDeclaredField("ALL");
                f.setAccessible(true);
                String a = ((String) f.get(null)).replace("${schemaOid}", Long.toString(oid));
                String b = a;
                for (int i = 0; i + 1 < args.length; i += 2) {
                    if (!b.contains(args[i])) throw new IllegalStateException("not found: " + args[i]);
                    b = b.replace(args[i], args[i + 1]);
                }
                s.execute("PREPARE a AS " + a);
                s.execute("PREPARE b AS " + b);
                // same result?
                String ra = rows(s, "EXECUTE a"), rb = rows(s, "EXECUTE b");
                System.out.println("same result: " + ra.equals(rb));
                if (System.getenv("EXPLAIN") != null) {
                    for (int i = 0; i < 20; i++) s.execute("EXECUTE a");
                    try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, SUMMARY ON) EXECUTE a")) {
                        while (rs.next()) { String l = rs.getString(1); int ind = l.indexOf("->"); if (l.contains("Execution Time") || (ind >= 0 && ind <= 16) || l.startsWith("  CTE")) System.out.println(l); }
                    }
                }
                for (int round = 0; round < 5; round++) {
                    long ta = 0, tb = 0;
                    for (int i = 0; i < 100; i++) {
                        long t0 = System.nanoTime(); s.execute("EXECUTE a"); long t1 = System.nanoTime(); s.execute("EXECUTE b"); long t2 = System.nanoTime();
                        ta += t1 - t0; tb += t2 - t1;
                    }
                    System.out.printf("A %.2f ms  B %.2f ms%n", ta / 100e6, tb / 100e6);
                }
            }
            server.dropDatabase(db);
        }
    }

    static String rows(Statement s, String sql) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) sb.append(rs.getString(1)).append('=').append(rs.getString(2)).append(rs.getString(3)).append('\n');
        }
        return sb.toString();
    }
}
