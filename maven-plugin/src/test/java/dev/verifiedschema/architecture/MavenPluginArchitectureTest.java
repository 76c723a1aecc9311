package dev.verifiedschema.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The Maven plugin is a thin front end of the engine, as the command line is. */
class MavenPluginArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theModuleHoldsOnlyTheMavenFrontEnd() {
        noClasses().should().resideOutsideOfPackage("dev.verifiedschema.maven..").check(PLUGIN);
    }

    @Test
    void itDrivesFlywayAndThePostgresProvidersOnlyThroughTheEngine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "io.zonky..",
                        "org.testcontainers..", "org.junit..", "picocli..", "dev.verifiedschema.cli..",
                        "dev.verifiedschema.junit..")
                .because("verifying is the engine's; a second way to do it would drift")
                .check(PLUGIN);
    }
}
