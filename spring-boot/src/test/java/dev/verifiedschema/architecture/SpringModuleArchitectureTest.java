package dev.verifiedschema.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Spring Boot module is a thin front end over the JUnit extension: it wires the extension's active
 * database into Spring and reads Spring's configuration, and verifies nothing itself.
 */
class SpringModuleArchitectureTest {

    private static final JavaClasses MODULE = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theModuleHoldsOnlyTheSpringFrontEnd() {
        noClasses().should().resideOutsideOfPackage("dev.verifiedschema.spring..").check(MODULE);
    }

    @Test
    void itNeitherMigratesNorProvisions() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "io.zonky..",
                        "org.testcontainers..", "dev.verifiedschema.provision..", "dev.verifiedschema.cli..")
                .because("migrating and provisioning are the engine's, reached through @VerifiedSchema")
                .check(MODULE);
    }

    @Test
    void ofTheEngineItReadsOnlyTheNamesOfFlywaySettings() {
        noClasses().should().dependOnClassesThat(resideInAnyPackage("dev.verifiedschema.migrate..",
                        "dev.verifiedschema.snapshot..", "dev.verifiedschema.compare..")
                        .and(not(name("dev.verifiedschema.migrate.FlywaySettings"))))
                .check(MODULE);
    }
}
