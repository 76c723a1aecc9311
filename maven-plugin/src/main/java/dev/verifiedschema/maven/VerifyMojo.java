package dev.verifiedschema.maven;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractException;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.migrate.Baseline;
import dev.verifiedschema.migrate.FixtureSet;
import dev.verifiedschema.migrate.FlywaySettings;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.MigrationSetException;
import dev.verifiedschema.migrate.SessionTimeouts;
import dev.verifiedschema.migrate.Stairway;
import dev.verifiedschema.migrate.StairwayException;
import dev.verifiedschema.migrate.StairwayJUnit;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.migrate.UndoPolicy;
import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ProvisionException;
import dev.verifiedschema.provision.Secrets;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code verified-schema:verify}: what {@code verified-schema verify} does, for the project's migrations. Every
 * migration forward, undone, redone and compared on a throwaway PostgreSQL (embedded unless {@code url} is
 * given), the contract checked at head, a full downgrade; the report is written to {@code reportDirectory}
 * and a failed verification fails the build with it.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractMojo {

    /** The migration scripts' directory. */
    @Parameter(property = "verifiedschema.plugin.migrations", defaultValue = "${project.basedir}/src/main/resources/db/migration")
    File migrations;

    /** Flyway locations instead of {@code migrations}: {@code filesystem:} paths, relative ones from the module's directory. */
    @Parameter
    List<String> locations;

    /** The contract YAML; without it only the stairway runs. */
    @Parameter(property = "verifiedschema.plugin.contract")
    File contract;

    /** Fixture scripts ({@code <version>__<description>.sql}) loaded after their version. */
    @Parameter(property = "verifiedschema.plugin.fixtures")
    File fixtures;

    /** {@code required} (default), {@code optional} or {@code none}. */
    @Parameter(property = "verifiedschema.plugin.undo", defaultValue = "required")
    String undo;

    /** Undo everything from head to zero at the end. */
    @Parameter(property = "verifiedschema.plugin.fullDowngrade", defaultValue = "true")
    boolean fullDowngrade;

    /** Stop at the first failing step instead of reporting every one. */
    @Parameter(property = "verifiedschema.plugin.failFast", defaultValue = "false")
    boolean failFast;

    /** How long a stairway statement may wait for a lock ({@code 500ms}, {@code 30s}, {@code 0} for no limit). */
    @Parameter(property = "verifiedschema.plugin.lockTimeout", defaultValue = "30s")
    String lockTimeout;

    /** How long a stairway statement may run. */
    @Parameter(property = "verifiedschema.plugin.statementTimeout", defaultValue = "10min")
    String statementTimeout;

    /** Flyway placeholders ({@code <placeholders><tenant>acme</tenant></placeholders>}); they win over {@code flywayConfig}. */
    @Parameter
    Map<String, String> placeholders;

    /** A {@code flyway.conf} or {@code flyway.toml} whose Flyway settings apply. */
    @Parameter(property = "verifiedschema.plugin.flywayConfig")
    File flywayConfig;

    /** Accepted findings (written by the command line's {@code verify --write-baseline}): fail only on new ones. */
    @Parameter(property = "verifiedschema.plugin.baseline")
    File baseline;

    /**
     * Whether to write the head's documentation next to the reports: {@code schema.html} (one
     * self-contained page) and {@code schema.txt} (text to diff two heads with); default false.
     */
    @Parameter(property = "verifiedschema.plugin.schemaDocs", defaultValue = "false")
    boolean schemaDocs;

    /** Whether to read the head a second way, through JDBC's metadata, and fail on a difference (a toolkit fault). */
    @Parameter(property = "verifiedschema.plugin.crossCheck", defaultValue = "false")
    boolean crossCheck;

    /** {@code on} or {@code off}: the design lint of the head (default: as the contract's {@code designLint:} says, else off). */
    @Parameter(property = "verifiedschema.plugin.designLint")
    String designLint;

    /**
     * The lowest severity of a design flaw that fails the build: {@code none}, {@code low}, {@code medium},
     * {@code high} or {@code critical} (default: the contract's {@code designLint.failOn}, else none); a
     * severity turns the lint on.
     */
    @Parameter(property = "verifiedschema.plugin.designLintFailOn")
    String designLintFailOn;

    /** The PostgreSQL major version of the embedded server; 0 for the binaries on the plugin's class path. */
    @Parameter(property = "verifiedschema.plugin.pgVersion", defaultValue = "0")
    int pgVersion;

    /** A PostgreSQL server to verify on instead of embedded PostgreSQL (a scratch database is made and dropped). */
    @Parameter(property = "verifiedschema.plugin.url")
    String url;

    /** The user for {@code url}. */
    @Parameter(property = "verifiedschema.plugin.user")
    String user;

    /** The environment variable that holds the password for {@code url} (never the password itself). */
    @Parameter(property = "verifiedschema.plugin.passwordEnv")
    String passwordEnv;

    /**
     * Report formats to write: {@code text} ({@code stairway.txt}), {@code json} ({@code stairway.json}) and
     * {@code junit} ({@code TEST-verified-schema.xml}: one test case per version step and contract table).
     */
    @Parameter(defaultValue = "text,json")
    List<String> formats;

    /** Where the reports go. */
    @Parameter(property = "verifiedschema.plugin.reportDirectory", defaultValue = "${project.build.directory}/verified-schema")
    File reportDirectory;

    /** The module's directory; relative locations are read from it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Skips the verification. */
    @Parameter(property = "verifiedschema.plugin.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("verified-schema: skipped (verifiedschema.plugin.skip)");
            return;
        }
        String password = passwordEnv == null ? null : System.getenv(passwordEnv);
        if (passwordEnv != null && password == null) {
            throw new MojoFailureException("passwordEnv names " + passwordEnv + ", which is not set in the environment; "
                    + "export it before the build");
        }
        List<String> kinds = formats();
        StairwayReport report;
        try {
            Stairway stairway = stairway();
            ServerSettings settings = url == null
                    ? new ServerSettings(ProviderKind.EMBEDDED, null, null, null, pgVersion, null)
                    : new ServerSettings(ProviderKind.EXTERNAL, url, user, password, 0, null);
            try (SharedServers.Lease lease = SharedServers.acquire(settings)) {
                PostgresServer server = lease.server();
                String database = server.createDatabase(null);
                try {
                    report = stairway.run(server.dataSource(database));
                } catch (StairwayException e) {
                    report = e.report();
                } finally {
                    drop(server, database, password);
                }
            }
        } catch (MigrationSetException | ContractException | IllegalArgumentException e) {
            // no cause: Maven prints every cause's message, and the cause's may hold the password unmasked
            throw new MojoFailureException(Secrets.mask(e.getMessage(), password));
        } catch (ProvisionException e) {
            getLog().debug(Secrets.mask(stackTrace(e), password));
            throw new MojoExecutionException(Secrets.mask(e.getMessage(), password));
        }
        List<Path> written = write(report, kinds, password);
        if (!report.passed()) {
            throw new MojoFailureException(Secrets.mask(report.describe(), password) + "\nReports: " + written);
        }
        getLog().info("Stairway reports: " + written);
    }

    /** Drops the scratch database; a failure to drop is logged and does not hide the verdict. */
    private void drop(PostgresServer server, String database, String password) {
        try {
            server.dropDatabase(database);
        } catch (RuntimeException e) {
            getLog().warn("Could not drop the scratch database " + database + ": "
                    + Secrets.mask(e.getMessage(), password));
        }
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }

    /** The report formats, checked before anything runs. */
    private List<String> formats() throws MojoFailureException {
        List<String> kinds = new ArrayList<>();
        for (String format : formats) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (!f.equals("text") && !f.equals("json") && !f.equals("junit")) {
                throw new MojoFailureException("formats holds '" + format + "'; allowed: text, json, junit (Markdown "
                        + "comes from the command line: verified-schema verify --format markdown)");
            }
            kinds.add(f);
        }
        return kinds;
    }

    /** The contract the stairway checks, once {@link #stairway()} has read it (null without one). */
    private Contract contracted;

    private Stairway stairway() throws MojoFailureException {
        FlywaySettings settings = flywayConfig == null ? FlywaySettings.none()
                : FlywaySettings.load(existing(flywayConfig, "flywayConfig").toPath());
        if (placeholders != null) {
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                settings = settings.withPlaceholder(placeholder.getKey(), placeholder.getValue());
            }
        }
        List<String> where = locations != null && !locations.isEmpty() ? locations.stream().map(this::inModule).toList()
                : List.of("filesystem:" + existingDirectory(migrations, "migrations").getAbsolutePath());
        MigrationSet set = MigrationSet.load(where, settings);
        contracted = contract == null ? null : ContractLoader.load(existing(contract, "contract").toPath());
        FixtureSet fixtureSet = fixtures == null ? FixtureSet.none()
                : FixtureSet.load("filesystem:" + existingDirectory(fixtures, "fixtures").getAbsolutePath(), settings);
        return Stairway.of(set).withContract(contracted).withFixtures(fixtureSet).withUndoPolicy(policy())
                .withFullDowngrade(fullDowngrade).failFast(failFast)
                .withBaseline(baseline == null ? null : Baseline.load(existing(baseline, "baseline").toPath()))
                .withTimeouts(new SessionTimeouts(SessionTimeouts.parse("<lockTimeout>", lockTimeout),
                        SessionTimeouts.parse("<statementTimeout>", statementTimeout)))
                .withDesignLint(designLint(DesignLintSettings.of(contracted)))
                .withSchemaDocs(schemaDocs ? reportDirectory.toPath() : null).withCrossCheck(crossCheck);
    }

    /** The contract's design lint settings (or none), switched and gated by the parameters. */
    private DesignLintSettings designLint(DesignLintSettings base) throws MojoFailureException {
        try {
            base.switchedBy(designLint, null);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("designLint is " + e.getMessage());
        }
        try {
            return base.switchedBy(designLint, designLintFailOn);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("designLintFailOn is " + e.getMessage());
        }
    }

    /** A relative {@code filesystem:} location means the module's directory, wherever Maven was started. */
    private String inModule(String location) {
        String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
        if (location.startsWith("classpath:") || new File(path).isAbsolute()) {
            return location;
        }
        return "filesystem:" + new File(basedir, path).getAbsolutePath();
    }

    private UndoPolicy policy() throws MojoFailureException {
        try {
            return UndoPolicy.valueOf(undo.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("undo is '" + undo + "'; allowed: required, optional, none");
        }
    }

    /** Writes the reports, masked as the console text is. */
    private List<Path> write(StairwayReport report, List<String> kinds, String password) throws MojoExecutionException {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(reportDirectory.toPath());
            for (String kind : kinds) {
                Path file = reportDirectory.toPath().resolve(switch (kind) {
                    case "text" -> "stairway.txt";
                    case "junit" -> "TEST-verified-schema.xml";
                    default -> "stairway." + kind;
                });
                String text = switch (kind) {
                    case "text" -> report.describe();
                    case "junit" -> StairwayJUnit.xml(report, contracted == null ? List.of()
                            : contracted.tables().keySet(), report.describe());
                    default -> report.toJson();
                };
                Files.writeString(file, Secrets.mask(text, password), StandardCharsets.UTF_8);
                written.add(file);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the reports to " + reportDirectory + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static File existing(File file, String parameter) throws MojoFailureException {
        if (!file.isFile()) {
            throw new MojoFailureException(parameter + " " + file + ": no such file");
        }
        return file;
    }

    private static File existingDirectory(File dir, String parameter) throws MojoFailureException {
        if (!dir.isDirectory()) {
            throw new MojoFailureException(parameter + " " + dir + ": no such directory (the plugin's default is "
                    + "src/main/resources/db/migration; set <migrations> in its configuration)");
        }
        return dir;
    }
}
