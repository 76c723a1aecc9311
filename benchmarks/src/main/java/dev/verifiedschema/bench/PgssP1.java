package dev.verifiedschema.bench;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

public final class PgssP1 {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        boolean stairway = args[2].equals("stairway");
        try (SharedServers.Lease lease = SharedServers.acquire(new ServerSettings(ProviderKind.EMBEDDED, null, null, null, 0, null))) {
            Env env = new Env(lease.server(), root, null, false);
            Contract contract = env.talentaiContract();
            try (Connection c = env.server.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                for (int i = 0; i < 6; i++) { StairwayMeasures.verifyTalentai(env, contract); StairwayMeasures.migrateTalentai(env); }
                s.execute("SELECT pg_stat_statements_reset()");
                for (int i = 0; i < runs; i++) { if (stairway) StairwayMeasures.verifyTalentai(env, contract); else StairwayMeasures.migrateTalentai(env); }
                double tot = 0, totPlan = 0;
                try (ResultSet rs = s.executeQuery("SELECT sum(calls), sum(total_exec_time), sum(total_plan_time), left(regexp_replace(query, '\\s+', ' ', 'g'), 70) q FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%CREATE DATABASE%' AND query NOT LIKE '%DROP DATABASE%' GROUP BY q ORDER BY sum(total_exec_time) + sum(total_plan_time) DESC")) {
                    int n = 0;
                    while (rs.next()) {
                        double e = rs.getDouble(2) / runs, p = rs.getDouble(3) / runs;
                        tot += e; totPlan += p;
                        if (n++ < 25) System.out.printf("%7.2f exec %6.2f plan %6.1f calls  %s%n", e, p, rs.getLong(1) / (double) runs, rs.getString(4).substring(0, Math.min(95, rs.getString(4).length())));
                    }
                }
                System.out.printf("TOTAL per run: exec %.1f ms, plan %.1f ms%n", tot, totPlan);
            }
        }
    }
}
