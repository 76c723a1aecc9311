package dev.verifiedschema.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The assertions read snapshots and contracts only: nothing of Flyway, JUnit, the engine or the providers. */
class AssertjModuleArchitectureTest {

    private static final JavaClasses MODULE = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theModuleHoldsOnlyTheAssertions() {
        noClasses().should().resideOutsideOfPackage("dev.verifiedschema.assertj..").check(MODULE);
    }

    @Test
    void itNeedsNoMoreThanTheSchemaContractModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "org.junit..", "io.zonky..",
                "org.testcontainers..", "dev.verifiedschema.migrate..", "dev.verifiedschema.provision..",
                "dev.verifiedschema.junit..").check(MODULE);
    }
}
