package dev.verifiedschema.cli;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Arrays;
import java.util.List;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"The database's current version and the pending scripts (like alembic current)."})
final class StatusCommand extends DatabaseCommand {
    @Mixin
    FlywayOptions flyway;

    @Override
    Result execute() {
        db.require("status");
        db.requireReachable(root.env);
        MigrationInfoService info = flyway.configure(db, root.env).load().info();
        MigrationInfo current = info.current();
        List<MigrationInfo> pending = Arrays.asList(info.pending());
        Result result = new Result("status").summary("Database " + db.masked() + " is at "
                + (current == null ? "no version (empty)" : "V" + current.getVersion() + " " + current.getDescription())
                + "; " + pending.size() + " pending migration(s).");
        pending.forEach(p -> result.passed("V" + p.getVersion(), "pending: " + p.getScript()));
        StringBuilder details = new StringBuilder();
        pending.forEach(p -> details.append("pending V").append(p.getVersion()).append(" ").append(p.getScript())
                .append('\n'));
        return result.details(details.toString()).put("current", current == null ? null : current.getVersion().getVersion())
                .put("pending", pending.stream().map(p -> p.getScript()).toList());
    }
}
