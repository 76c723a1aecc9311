package dev.verifiedschema.cli;

import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.crawler.DesignFinding;
import dev.verifiedschema.crawler.DesignLint;
import dev.verifiedschema.crawler.SchemaReadException;
import dev.verifiedschema.health.HealthReport;
import dev.verifiedschema.health.SchemaHealthCheck;
import dev.verifiedschema.report.RemediationSql;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"The start-up health check against a live database, read-only: every missing table and "
                + "column at once, and the remediation SQL (with --migrations, typed from what they build at head); "
                + "then the design lint of the live schema, read-only."})
final class CheckCommand extends DatabaseCommand {
    @Option(names = "--contract", paramLabel = "FILE", required = true, description = "the contract YAML")
    java.nio.file.Path contract;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5", description = "statement timeout (default 5)")
    int timeoutSeconds;

    @Option(names = "--migrations", paramLabel = "DIR", description = "the migrations: where the contract gives a "
            + "missing column no type, the remediation SQL takes it from what they build at head (on embedded PostgreSQL)")
    java.nio.file.Path migrations;

    @picocli.CommandLine.Mixin
    DesignLintOptions designLint = new DesignLintOptions();

    @Override
    Result execute() throws Exception {
        db.require(spec.name());
        Contract loaded = dev.verifiedschema.contract.ContractLoader.load(existingFile(contract, "--contract"));
        DesignLintSettings lint = designLint.apply(DesignLintSettings.of(loaded));
        Result result = run(this, db, loaded, migrations, timeoutSeconds, "check");
        if (lint.enabled()) {
            designLint(result, loaded.schema(), lint);
        }
        return result;
    }

    /**
     * The design lint of the live schema, read-only and under the statement timeout: its warnings go to
     * the details, the flaws that reach failOn become problems.
     */
    private void designLint(Result result, String schema, DesignLintSettings settings) {
        List<DesignFinding> found;
        try (Connection connection = db.connect(root.env)) {
            try (java.sql.Statement timeout = connection.createStatement()) {
                timeout.execute("SET statement_timeout = " + Math.max(1, timeoutSeconds) * 1000L);
            }
            found = DesignLint.run(connection, schema, settings);
        } catch (SchemaReadException e) {
            result.problem("design lint", e.getMessage());
            return;
        } catch (java.sql.SQLException e) {
            throw new CliException(CliException.ENVIRONMENT, "Lost the connection to " + db.masked() + ": "
                    + e.getMessage(), e);
        }
        long failing = found.stream().filter(DesignFinding::fails).count();
        found.stream().filter(DesignFinding::fails).forEach(f -> result.problem("design lint " + f.rule() + " "
                + f.object(), f.describe() + " (its severity reaches designLint.failOn " + settings.failOn().label() + ")"));
        if (failing > 0) {
            result.summary(result.summary() + " The design lint found " + failing + " flaw" + (failing == 1 ? "" : "s")
                    + " at or above " + settings.failOn().label() + ".");
        }
        result.details((result.details().isBlank() ? "" : result.details().stripTrailing() + "\n")
                + dev.verifiedschema.crawler.DesignFinding.warnings(found));
        result.put("designLint", new Result.Json(DesignLintOptions.json(found)));
    }

    /**
     * The health check. With migrations, and only when a table or column is missing, the schema they
     * build at head completes the remediation SQL (the types the contract leaves out).
     */
    static HealthReport health(BaseCommand command, DatabaseOptions db, java.nio.file.Path contractFile,
                               java.nio.file.Path migrations, int timeout) throws java.sql.SQLException {
        db.require(command.spec.name());
        return health(command, db, dev.verifiedschema.contract.ContractLoader.load(existingFile(contractFile,
                "--contract")), migrations, timeout);
    }

    /** The health check of a contract already loaded (and of a database already required). */
    static HealthReport health(BaseCommand command, DatabaseOptions db, Contract contract,
                               java.nio.file.Path migrations, int timeout) throws java.sql.SQLException {
        if (migrations != null) {
            existingDirectory(migrations, "--migrations");
        }
        HealthReport report;
        try (Connection connection = db.connect(command.root.env)) {
            report = SchemaHealthCheck.from(contract).withStatementTimeout(Duration.ofSeconds(Math.max(1, timeout)))
                    .check(connection);
        } catch (java.sql.SQLException e) {
            throw new CliException(CliException.ENVIRONMENT, "Lost the connection to " + db.masked() + ": "
                    + e.getMessage(), e);
        }
        boolean missing = report.violations().stream().anyMatch(v -> v.kind() == Violation.Kind.MISSING_COLUMN
                || v.kind() == Violation.Kind.MISSING_TABLE);
        if (migrations == null || !missing) {
            return report;
        }
        SchemaSnapshot head = HeadSchema.build(migrations, contract.schema());
        return new HealthReport(report.schema(), report.contractSource(), report.violations(),
                RemediationSql.generate(contract, report.violations(), head), report.took());
    }

    private static boolean schemaExists(BaseCommand command, DatabaseOptions db, String schema)
            throws java.sql.SQLException {
        try (Connection c = db.connect(command.root.env);
             java.sql.PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    static Result run(BaseCommand command, DatabaseOptions db, Contract contract,
                      java.nio.file.Path migrations, int timeout, String name) throws java.sql.SQLException {
        HealthReport report = health(command, db, contract, migrations, timeout);
        Result result = new Result(name).summary(report.isHealthy()
                ? "The database at " + db.masked() + " honours the contract " + report.contractSource()
                + " (" + report.took().toMillis() + " ms)."
                : report.violations().size() + " problem(s): the database at " + db.masked()
                + " does not honour the contract " + report.contractSource() + ".");
        if (!report.isHealthy() && !schemaExists(command, db, report.schema())) {
            result.problem("schema " + report.schema(), "schema " + report.schema() + " does not exist in the database "
                    + "at " + db.masked() + ", so every table of the contract is missing there: check the contract's "
                    + "schema: key and the database in --url, or create the schema with a migration");
        }
        for (Violation v : report.violations()) {
            result.problem(v.table() + (v.object() == null || v.object().equals(v.table()) ? "" : "." + v.object()),
                    v.describe() + "; fix: " + v.kind().fix());
        }
        result.put("healthy", report.isHealthy()).put("remediationSql", report.remediationSql());
        return result.details(report.remediationSql().isBlank() ? ""
                : "Remediation SQL (review it, then apply it or turn it into a migration):\n" + report.remediationSql());
    }
}
