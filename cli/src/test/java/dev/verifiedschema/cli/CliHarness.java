package dev.verifiedschema.cli;

import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;
import dev.verifiedschema.migrate.LiveMigrations;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.MigrationVersion;
import dev.verifiedschema.testing.VariantSet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the command line in-process and holds a lease on the same embedded server the commands use,
 * so every command and every "production" database share one PostgreSQL.
 */
final class CliHarness implements AutoCloseable {
    static final Path MIGRATIONS = Path.of("..", "migration-tests", "src", "main", "resources", "db", "migration");
    static final Path CONTRACT = Path.of("..", "migration-tests", "src", "main", "resources", "talentai-contract.yaml");
    static final Path BROKEN = Path.of("..", "migration-tests", "src", "test", "resources", "broken");

    /** What a command printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private final SharedServers.Lease lease = SharedServers.acquire(
            new ServerSettings(ProviderKind.EMBEDDED, null, null, null, 0, null));
    final Map<String, String> env = new HashMap<>();
    private final List<VariantSet> variants = new ArrayList<>();
    boolean interactive;

    /**
     * A broken variant of the TalentAI set: the real scripts with the variant folder's scripts laid
     * over them (the folders hold only what differs), in a directory deleted on close.
     */
    Path broken(String name) {
        VariantSet variant = VariantSet.over(MIGRATIONS, BROKEN.resolve(name));
        variants.add(variant);
        return variant.directory();
    }

    PostgresServer server() {
        return lease.server();
    }

    /** A "production" database migrated to the version (or left empty for null). */
    String production(String version) {
        String database = server().createDatabase(null);
        if (version != null) {
            LiveMigrations.of(server().dataSource(database), MigrationSet.load(List.of(
                    MIGRATIONS.toAbsolutePath().toString())), "public").migrateTo(MigrationVersion.parse(version));
        }
        return database;
    }

    String url(String database) {
        return server().jdbcUrl(database);
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerifiedSchemaCli.run(args, env, interactive, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Override
    public void close() {
        lease.close();
        variants.forEach(VariantSet::close);
    }
}
