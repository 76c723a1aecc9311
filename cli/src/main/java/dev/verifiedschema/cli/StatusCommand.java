package dev.verifiedschema.cli;

import dev.verifiedschema.migrate.LiveMigrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"The database's current version and the pending scripts (like alembic current)."})
final class StatusCommand extends DatabaseCommand {
    @Mixin
    FlywayOptions flyway;

    @Override
    Result execute() {
        db.require("status");
        db.requireReachable(root.env);
        LiveMigrations.Status status = flyway.live(db, root.env).status();
        Result result = new Result("status").summary("Database " + db.masked() + " is at "
                + (status.version() == null ? "no version (empty)" : "V" + status.version() + " " + status.description())
                + "; " + status.pendingScripts().size() + " pending migration(s).");
        StringBuilder details = new StringBuilder();
        for (int i = 0; i < status.pendingScripts().size(); i++) {
            String version = status.pendingVersions().get(i);
            String script = status.pendingScripts().get(i);
            result.passed("V" + version, "pending: " + script);
            details.append("pending V").append(version).append(" ").append(script).append('\n');
        }
        return result.details(details.toString()).put("current", status.version())
                .put("pending", status.pendingScripts());
    }
}
