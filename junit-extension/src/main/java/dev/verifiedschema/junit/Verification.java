package dev.verifiedschema.junit;

import dev.verifiedschema.compare.SchemaDiff;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.migrate.Baseline;
import dev.verifiedschema.migrate.FixtureSet;
import dev.verifiedschema.migrate.FlywaySettings;
import dev.verifiedschema.migrate.LiveMigrations;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.Stairway;
import dev.verifiedschema.migrate.StairwayException;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * The verified state of one migration set on one server, shared by every test class that uses the
 * same scripts, contract, fixtures and options: the stairway report and a template database at head
 * from which test databases are copied. Closing it drops the template and its copies.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit 5.12 (Spring Boot 3.5) closes only those
final class Verification implements org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource,
        AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Verification.class);

    private final StairwayReport report;
    private final RuntimeException failure;
    private final ClonePool clones;

    private Verification(StairwayReport report, RuntimeException failure, ClonePool clones) {
        this.report = report;
        this.failure = failure;
        this.clones = clones;
    }

    /** What the verification is keyed by: the hash of scripts, contract, fixtures and options. */
    record Inputs(MigrationSet set, Contract contract, String contractText, FixtureSet fixtures, Baseline baseline,
                  String baselineText, Settings settings) {
        static Inputs load(Settings settings) {
            FlywaySettings flyway = flywayConfig(settings.flywayConfig()).and(FlywaySettings.of(settings.flyway()));
            MigrationSet set = MigrationSet.load(settings.migrations(), flyway);
            Contract contract = null;
            String contractText = "";
            if (settings.contract() != null) {
                contract = settings.contract().startsWith("classpath:")
                        ? ContractLoader.fromClasspath(settings.contract())
                        : ContractLoader.load(Path.of(settings.contract()));
                contractText = contract.toString();
            }
            FixtureSet fixtures = settings.fixtures() == null ? FixtureSet.none()
                    : FixtureSet.load(settings.fixtures(), flyway);
            Baseline baseline = settings.baseline() == null ? null : Baseline.load(settings.baseline());
            return new Inputs(set, contract, contractText, fixtures, baseline,
                    baseline == null ? "" : baseline.toString(), settings);
        }

        /** The Flyway configuration file ({@code classpath:} or a path), or none. */
        private static FlywaySettings flywayConfig(String location) {
            if (location == null) {
                return FlywaySettings.none();
            }
            if (!location.startsWith("classpath:")) {
                return FlywaySettings.load(Path.of(location));
            }
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (var in = (loader != null ? loader : Verification.class.getClassLoader()).getResourceAsStream(resource)) {
                if (in == null) {
                    throw new org.junit.jupiter.api.extension.ExtensionConfigurationException("The Flyway configuration "
                            + location + " is not on the classpath; check " + VerifiedSchema.FLYWAY_CONFIG_KEY
                            + " or the flywayConfig attribute");
                }
                return FlywaySettings.parse(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not read " + location, e);
            }
        }

        String key() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (String part : new String[]{set.contentHash(), contractText, fixtures.contentKey(), baselineText,
                        settings.verificationOptions()}) {
                    digest.update(part.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        String schema() {
            if (settings.schema() != null) {
                return settings.schema();
            }
            return contract == null ? "public" : contract.schema();
        }
    }

    /**
     * Runs the stairway on a scratch database and builds the template at head: both at once, each on
     * a database of its own, unless the set touches what the server's databases share (roles,
     * tablespaces: two migrations of it would race each other), then one after the other.
     */
    static Verification run(PostgresServer server, Inputs inputs) {
        CompletableFuture<String> building = null;
        StairwayReport report;
        try {
            String scratch = server.createDatabase(null);
            building = inputs.set().touchesSharedObjects() ? null
                    : CompletableFuture.supplyAsync(() -> buildTemplate(server, inputs), Verification::onItsOwnThread);
            try {
                Stairway stairway = Stairway.of(inputs.set()).withContract(inputs.contract())
                        .withFixtures(inputs.fixtures()).withUndoPolicy(inputs.settings().undo())
                        .withFullDowngrade(inputs.settings().fullDowngrade()).inSchema(inputs.schema())
                        .failFast(inputs.settings().failFast()).withBaseline(inputs.baseline())
                        .withTimeouts(inputs.settings().timeouts())
                        .withDesignLint(inputs.settings().designLint(DesignLintSettings.of(inputs.contract())))
                        .withSchemaDocs(inputs.settings().schemaDocs()
                                ? Path.of(inputs.settings().reportDir()).resolve(reportName(inputs) + "-schema") : null)
                        .withCrossCheck(inputs.settings().crossCheck());
                report = recordBaseline(inputs, runReport(stairway, server.dataSource(scratch)));
            } finally {
                server.dropDatabase(scratch);
            }
            write(inputs, report);
        } catch (RuntimeException e) {
            discard(server, building);
            throw e;
        }
        if (!report.passed()) {
            discard(server, building);
            return new Verification(report, new StairwayException(report, null), null);
        }
        String template = building == null ? buildTemplate(server, inputs) : await(building);
        SchemaDiff differs = differenceFromHead(server, template, inputs.schema(), report.head());
        if (!differs.isEmpty()) {
            server.dropDatabase(template);
            return new Verification(report, new IllegalStateException("The database the tests would get is not the "
                    + "verified one: a plain Flyway migrate of " + report.migrations() + " (the template the tests' "
                    + "databases are copied from) built a schema that differs from the head the stairway verified:\n"
                    + differs.changes().stream().map(c -> "  - " + c.describe()).collect(Collectors.joining("\n"))
                    + "\nA migration builds something that depends on data (the fixtures the verification loaded) or on "
                    + "when it runs. Make it build the same schema on an empty database, or load that data in the "
                    + "migration itself."), null);
        }
        return new Verification(report, null, new ClonePool(server, template, inputs.settings().prefetch()));
    }

    /** The template the tests' databases are copied from: a plain migrate of the set to its head. */
    private static String buildTemplate(PostgresServer server, Inputs inputs) {
        String template = server.createDatabase(null);
        try {
            LiveMigrations.of(inputs.settings().timeouts().applyTo(server.dataSource(template)), inputs.set(),
                    inputs.schema()).migrateTo(null);
            return template;
        } catch (RuntimeException e) {
            server.dropDatabase(template);
            throw e;
        }
    }

    private static void onItsOwnThread(Runnable task) {
        Thread thread = new Thread(task, "verified-schema-template");
        thread.setDaemon(true);
        thread.start();
    }

    /** The template built alongside, or what stopped it (as it would have been thrown without the overlap). */
    private static String await(CompletableFuture<String> building) {
        try {
            return building.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Drops the template built alongside a stairway that failed (once it is built; a failed build left none). */
    private static void discard(PostgresServer server, CompletableFuture<String> building) {
        if (building == null) {
            return;
        }
        try {
            server.dropDatabase(building.join());
        } catch (RuntimeException failedToBuild) {
            LOG.debug("The template built alongside the stairway failed too: {}", failedToBuild.getMessage());
        }
    }

    /**
     * How the template differs from the verified head: the tests get copies of the template, so it
     * must be the schema the stairway proved. The connection is closed before anything clones it.
     */
    private static SchemaDiff differenceFromHead(PostgresServer server, String template, String schema,
                                                 SchemaSnapshot head) {
        try (Connection connection = server.dataSource(template).getConnection()) {
            return SchemaDiff.between(head, SchemaInspector.create().inspect(connection, schema));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the template database " + template + " to compare it with "
                    + "the verified head: " + e.getMessage(), e);
        }
    }

    private static StairwayReport runReport(Stairway stairway, javax.sql.DataSource database) {
        try {
            return stairway.run(database);
        } catch (StairwayException e) {
            return e.report();
        }
    }

    /** With {@value VerifiedSchema#WRITE_BASELINE_KEY}: records every finding, then accepts them. */
    private static StairwayReport recordBaseline(Inputs inputs, StairwayReport report) {
        String file = inputs.settings().writeBaseline();
        if (file == null) {
            return report;
        }
        Baseline.write(Path.of(file), report);
        LOG.info("Baseline of {} findings written to {}", report.findings().size(), Path.of(file).toAbsolutePath());
        return report.acceptedBy(Baseline.load(Path.of(file)));
    }

    /** The stairway report's file name without extension: the first location and the verification's key. */
    private static String reportName(Inputs inputs) {
        return inputs.set().locations().get(0).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "")
                + "-" + inputs.key().substring(0, 8);
    }

    private static void write(Inputs inputs, StairwayReport report) {
        String name = reportName(inputs);
        Path dir = Path.of(inputs.settings().reportDir());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), report.describe() + "\n");
            Files.writeString(dir.resolve(name + ".json"), report.toJson() + "\n");
            LOG.info("Stairway report written to {}", dir.resolve(name + ".txt").toAbsolutePath());
        } catch (IOException e) {
            LOG.warn("Could not write the stairway report to {}: {}", dir.toAbsolutePath(), e.getMessage());
        }
    }

    /** The stairway report (also when it failed). */
    StairwayReport report() {
        return report;
    }

    /** The head snapshot. */
    SchemaSnapshot head() {
        return report.head();
    }

    /** The failure, or {@code null} when the set verified. */
    RuntimeException failure() {
        return failure;
    }

    /** A fresh copy of the verified database. */
    String newDatabase() {
        return clones.take();
    }

    /** Gives a copy back to be dropped. */
    void release(String database) {
        clones.release(database);
    }

    @Override
    public void close() {
        if (clones != null) {
            clones.close();
        }
    }
}
