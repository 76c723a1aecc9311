package dev.verifiedschema.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine must be safe to ship inside a production application, and its packages follow the
 * pipeline: these rules hold that line.
 */
class EngineArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.verifiedschema");

    @Test
    void theEngineDependsOnNoTestOrMigrationFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.junit..", "org.flywaydb..", "org.testcontainers..", "io.zonky..", "org.assertj..")
                .because("schema-contract ships inside production applications")
                .check(ENGINE);
    }

    @Test
    void schemaCrawlerIsTheTestsReferenceReaderNotPartOfTheEngine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("schemacrawler..", "us.fatehi..")
                .because("the engine reads the catalog with its own SQL; the tests check every snapshot "
                        + "against SchemaCrawler's reading of the same SQL")
                .check(ENGINE);
    }

    @Test
    void comparisonIsPureAndDoesNoIo() {
        noClasses().that().resideInAnyPackage("dev.verifiedschema.compare..", "dev.verifiedschema.contract..",
                        "dev.verifiedschema.snapshot..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("contracts, snapshots and their comparison are values, tested without a database")
                .check(ENGINE);
    }

    @Test
    void dataFlowsOneWayThroughThePipeline() {
        noClasses().that().resideInAnyPackage("dev.verifiedschema.contract..", "dev.verifiedschema.snapshot..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.verifiedschema.compare..",
                        "dev.verifiedschema.report..", "dev.verifiedschema.health..", "dev.verifiedschema.inspect..")
                .check(ENGINE);
        noClasses().that().resideInAPackage("dev.verifiedschema.compare..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.verifiedschema.report..",
                        "dev.verifiedschema.health..", "dev.verifiedschema.inspect..")
                .check(ENGINE);
    }
}
