package dev.verifiedschema.cli;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Applies pending migrations (like alembic upgrade head), or up to --target V."})
final class UpgradeCommand extends DatabaseCommand {
    @Mixin
    FlywayOptions flyway;

    @Option(names = "--target", paramLabel = "V", description = "stop at this version (default: the newest)")
    String target;

    @Override
    Result execute() {
        db.require("upgrade").writing();
        flyway.set();
        db.requireReachable(root.env);
        FluentConfiguration configuration = flyway.configure(db, root.env);
        if (target != null) {
            configuration.target(target);
        }
        try {
            MigrateResult migrated = configuration.load().migrate();
            Result result = new Result("upgrade").summary("Applied " + migrated.migrationsExecuted
                    + " migration(s); " + db.masked() + " is now at "
                    + (migrated.targetSchemaVersion == null ? migrated.initialSchemaVersion : "V" + migrated.targetSchemaVersion) + ".");
            migrated.migrations.forEach(m -> result.passed("V" + m.version, "applied " + m.filepath.replaceAll(".*/", "")
                    + " in " + m.executionTime + " ms"));
            return result.put("version", migrated.targetSchemaVersion);
        } catch (FlywayException e) {
            return new Result("upgrade").summary("Upgrade failed; the failing migration was rolled back.")
                    .problem("upgrade", e.getMessage().strip());
        }
    }
}
