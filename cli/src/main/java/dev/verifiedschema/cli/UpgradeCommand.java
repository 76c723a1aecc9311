package dev.verifiedschema.cli;

import dev.verifiedschema.migrate.LiveMigrationException;
import dev.verifiedschema.migrate.LiveMigrations;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;


@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Applies pending migrations (like alembic upgrade head), or up to --target V, under Flyway's "
                + "lock. First checks the live database for drift (as the drift command does) and refuses when it "
                + "has drifted, unless --force; says what it will apply before applying it."})
final class UpgradeCommand extends DatabaseCommand {
    @Mixin
    FlywayOptions flyway;

    @Option(names = "--target", paramLabel = "V", description = "stop at this version (default: the newest)")
    String target;

    @Option(names = "--force", description = "upgrade even when the live database has drifted from its migrations "
            + "(skips the drift check)")
    boolean force;

    @Override
    Result execute() throws Exception {
        db.require("upgrade").writing();
        MigrationSet set = flyway.set();
        db.requireReachable(root.env);
        Result refused = WriteGate.refusal(this, set, flyway.schema, force);
        if (refused != null) {
            return refused;
        }
        LiveMigrations live = LiveMigrations.of(db.dataSource(root.env), set, flyway.schema);
        WriteGate.announce(this, plan(live.status()));
        try {
            LiveMigrations.Upgrade upgrade = live.upgrade(target);
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

    /** What the upgrade will apply, in words. */
    private String plan(LiveMigrations.Status status) {
        MigrationVersion to = target == null ? null : MigrationVersion.parse(target);
        List<String> scripts = new ArrayList<>();
        for (int i = 0; i < status.pendingVersions().size(); i++) {
            MigrationVersion v = MigrationVersion.parse(status.pendingVersions().get(i));
            if (to == null || v == null || v.compareTo(to) <= 0) {
                scripts.add(status.pendingScripts().get(i));
            }
        }
        return scripts.isEmpty() ? "Nothing to apply to " + db.masked() + "."
                : "About to apply " + scripts.size() + " migration(s) to " + db.masked() + " (now at "
                + (status.version() == null ? "no version" : "V" + status.version()) + "): "
                + String.join(", ", scripts) + ".";
    }
}
