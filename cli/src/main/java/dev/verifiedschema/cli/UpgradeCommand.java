package dev.verifiedschema.cli;

import dev.verifiedschema.migrate.LiveMigrationException;
import dev.verifiedschema.migrate.LiveMigrations;
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
        try {
            LiveMigrations.Upgrade upgrade = flyway.live(db, root.env).upgrade(target);
            Result result = new Result("upgrade").summary("Applied " + upgrade.applied().size()
                    + " migration(s); " + db.masked() + " is now at "
                    + (upgrade.to() == null ? upgrade.from() : "V" + upgrade.to()) + ".");
            upgrade.applied().forEach(m -> result.passed("V" + m.version(), "applied " + m.script() + " in " + m.ms()
                    + " ms"));
            return result.put("version", upgrade.to());
        } catch (LiveMigrationException e) {
            return new Result("upgrade").summary("Upgrade failed; the failing migration was rolled back.")
                    .problem("upgrade", e.getMessage());
        }
    }
}
