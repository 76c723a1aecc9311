package dev.verifiedschema.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The JUnit extension is a thin front end: JUnit on one side, the engine on the other, and nothing
 * of the command line. The rules read this module's own compiled classes only.
 */
class ExtensionModuleArchitectureTest {

    private static final JavaClasses EXTENSION = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theExtensionKnowsNothingOfTheCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("picocli..", "dev.verifiedschema.cli..")
                .check(EXTENSION);
    }

    @Test
    void theModuleHoldsOnlyTheJunitFrontEnd() {
        noClasses().should().resideOutsideOfPackage("dev.verifiedschema.junit..")
                .because("the stairway and the providers belong to the engine (migration-verifier)")
                .check(EXTENSION);
    }

    @Test
    void theExtensionDrivesFlywayOnlyThroughTheEngine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "io.zonky..",
                        "org.testcontainers..")
                .because("migrating and provisioning are the engine's; a second way to do either would drift")
                .check(EXTENSION);
    }
}
