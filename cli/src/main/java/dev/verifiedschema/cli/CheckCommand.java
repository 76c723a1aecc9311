package dev.verifiedschema.cli;

import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.health.HealthReport;
import dev.verifiedschema.health.SchemaHealthCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.time.Duration;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"The start-up health check against a live database, read-only: every missing table and "
                + "column at once, and the remediation SQL."})
final class CheckCommand extends DatabaseCommand {
    @Option(names = "--contract", paramLabel = "FILE", required = true, description = "the contract YAML")
    java.nio.file.Path contract;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5", description = "statement timeout (default 5)")
    int timeoutSeconds;

    @Override
    Result execute() throws Exception {
        return run(this, db, contract, timeoutSeconds, "check");
    }

    static HealthReport health(BaseCommand command, DatabaseOptions db, java.nio.file.Path contractFile, int timeout) {
        db.require(command.spec.name());
        Contract contract = dev.verifiedschema.contract.ContractLoader.load(existingFile(contractFile, "--contract"));
        try (Connection connection = db.connect(command.root.env)) {
            return SchemaHealthCheck.from(contract).withStatementTimeout(Duration.ofSeconds(Math.max(1, timeout)))
                    .check(connection);
        } catch (java.sql.SQLException e) {
            throw new CliException(CliException.ENVIRONMENT, "Lost the connection to " + db.masked() + ": "
                    + e.getMessage(), e);
        }
    }

    static Result run(BaseCommand command, DatabaseOptions db, java.nio.file.Path contractFile, int timeout,
                      String name) {
        HealthReport report = health(command, db, contractFile, timeout);
        Result result = new Result(name).summary(report.isHealthy()
                ? "The database at " + db.masked() + " honours the contract " + report.contractSource()
                + " (" + report.took().toMillis() + " ms)."
                : report.violations().size() + " problem(s): the database at " + db.masked()
                + " does not honour the contract " + report.contractSource() + ".");
        for (Violation v : report.violations()) {
            result.problem(v.table() + (v.object() == null || v.object().equals(v.table()) ? "" : "." + v.object()),
                    v.describe() + "; fix: " + v.kind().fix());
        }
        result.put("healthy", report.isHealthy()).put("remediationSql", report.remediationSql());
        return result.details(report.remediationSql().isBlank() ? ""
                : "Remediation SQL (review it, then apply it or turn it into a migration):\n" + report.remediationSql());
    }
}
