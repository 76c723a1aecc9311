package dev.verifiedschema.inspect;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class SchemaCrawlerConfinementTest {

    @Test
    void onlyTheInspectPackageUsesSchemaCrawler() {
        // the module's own production classes, wherever the build put them
        JavaClasses engine = new ClassFileImporter()
                .importLocations(Set.of(Location.of(SchemaInspector.class.getProtectionDomain().getCodeSource().getLocation())));

        noClasses().that().resideOutsideOfPackage("dev.verifiedschema.inspect..")
                .should().dependOnClassesThat().resideInAnyPackage("schemacrawler..", "us.fatehi..")
                .because("SchemaCrawler is an implementation detail of catalog inspection")
                .check(engine);
    }
}
