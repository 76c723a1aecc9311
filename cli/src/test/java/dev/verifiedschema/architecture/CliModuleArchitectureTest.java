package dev.verifiedschema.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The command line is a front end of the engine, not of the JUnit extension: it carries no JUnit.
 * The rules read this module's own compiled classes only.
 */
class CliModuleArchitectureTest {

    private static final JavaClasses CLI = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theCommandLineCarriesNoJunit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..",
                        "dev.verifiedschema.junit..")
                .because("the command line runs on production hosts and CI runners, built on the engine alone")
                .check(CLI);
    }

    @Test
    void theCommandLineDrivesFlywayOnlyThroughTheEngine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..")
                .because("the engine configures Flyway in one place (LiveMigrations for a live database), so the "
                        + "command line migrates exactly as the stairway does")
                .check(CLI);
    }

    @Test
    void theModuleHoldsOnlyTheCommandLine() {
        noClasses().should().resideOutsideOfPackage("dev.verifiedschema.cli..").check(CLI);
    }
}
