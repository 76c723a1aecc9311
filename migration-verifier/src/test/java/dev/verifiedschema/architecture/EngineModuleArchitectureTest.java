package dev.verifiedschema.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ProvisionException;
import dev.verifiedschema.provision.Secrets;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine (provisioning and the stairway) serves every front end, so it may know none of them:
 * no JUnit, no picocli, no class of the JUnit extension or the command line. The rules read this
 * module's own compiled classes only.
 */
class EngineModuleArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theEngineImportsNoTestFrameworkAndNoCommandLineLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..",
                        "picocli..", "org.assertj..")
                .because("the engine runs inside the command line, a Maven plugin or an application, "
                        + "none of which carries JUnit or picocli")
                .check(ENGINE);
    }

    @Test
    void theEngineKnowsNoFrontEnd() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.verifiedschema.junit..",
                        "dev.verifiedschema.cli..")
                .because("front ends are built on the engine, never the other way round")
                .check(ENGINE);
    }

    @Test
    void theModuleHoldsOnlyTheEnginesPackages() {
        noClasses().should().resideOutsideOfPackages("dev.verifiedschema.migrate..", "dev.verifiedschema.provision..",
                        "dev.verifiedschema.crawler..")
                .because("contract, inspection and reports live in schema-contract; front ends in their own modules")
                .check(ENGINE);
    }

    @Test
    void provisioningShowsOnlyTheSharedServerItsSettingsAndItsErrors() {
        classes().that().resideInAPackage("dev.verifiedschema.provision..").and().arePublic()
                .should(be(belongToAnyOf(SharedServers.class, PostgresServer.class, ServerSettings.class,
                        ProviderKind.class, ProvisionException.class, Secrets.class)))
                .because("a front end obtains a server through SharedServers.acquire(ServerSettings) alone; "
                        + "how a provider is chosen and started is provisioning's own business (docs/architecture.md)")
                .check(ENGINE);
    }

    @Test
    void onlyTheCrawlerPackageImportsSchemaCrawler() {
        noClasses().that().resideOutsideOfPackage("dev.verifiedschema.crawler..")
                .should().dependOnClassesThat().resideInAnyPackage("schemacrawler..", "us.fatehi..")
                .because("SchemaCrawler stays off the hot path: it is loaded only when the design lint or the "
                        + "schema documentation runs, behind one package (docs/design-lint.md)")
                .check(ENGINE);
    }

    @Test
    void theCrawlerPackageKnowsNothingOfMigrationsOrServers() {
        noClasses().that().resideInAPackage("dev.verifiedschema.crawler..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.verifiedschema.migrate..",
                        "dev.verifiedschema.provision..", "org.flywaydb..")
                .because("the lint and the documentation read a schema through a connection they are given; "
                        + "the stairway and the front ends decide when")
                .check(ENGINE);
    }

    @Test
    void provisioningKnowsNothingOfMigrations() {
        noClasses().that().resideInAPackage("dev.verifiedschema.provision..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.verifiedschema.migrate..", "org.flywaydb..")
                .because("data flows one way: provision hands out a database, migrate builds the schema in it")
                .check(ENGINE);
    }

    @Test
    void migrationsShowTheStairwayTheLiveDatabaseAndTheirValuesOnly() {
        classes().that().resideInAPackage("dev.verifiedschema.migrate..").and().arePublic()
                .should(be(belongToAnyOf(
                        // a stairway: its configuration, its run's report and findings
                        dev.verifiedschema.migrate.Stairway.class, dev.verifiedschema.migrate.StairwayReport.class,
                        dev.verifiedschema.migrate.StairwayJUnit.class,
                        dev.verifiedschema.migrate.StairwayException.class, dev.verifiedschema.migrate.StepResult.class,
                        dev.verifiedschema.migrate.Finding.class, dev.verifiedschema.migrate.Baseline.class,
                        dev.verifiedschema.migrate.UndoPolicy.class, dev.verifiedschema.migrate.SessionTimeouts.class,
                        // a live database
                        dev.verifiedschema.migrate.LiveMigrations.class,
                        dev.verifiedschema.migrate.LiveMigrationException.class,
                        // the values both take and give
                        dev.verifiedschema.migrate.MigrationSet.class, dev.verifiedschema.migrate.MigrationSetException.class,
                        dev.verifiedschema.migrate.MigrationScript.class, dev.verifiedschema.migrate.MigrationVersion.class,
                        dev.verifiedschema.migrate.FixtureSet.class, dev.verifiedschema.migrate.FlywaySettings.class,
                        dev.verifiedschema.migrate.ScriptFailure.class, dev.verifiedschema.migrate.MigrationLint.class)))
                .because("front ends run a stairway or drive a live database through these; how Flyway is configured "
                        + "(Flyways), the history and the undo runner are the engine's own (docs/architecture.md)")
                .check(ENGINE);
    }
}
