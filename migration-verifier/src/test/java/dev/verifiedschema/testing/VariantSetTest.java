package dev.verifiedschema.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariantSetTest {

    private static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), text);
    }

    private static Path base(Path sets) throws IOException {
        Path good = sets.resolve("good");
        write(good, "V1__a.sql", "CREATE TABLE a (id int);");
        write(good, "U1__a.sql", "DROP TABLE a;");
        write(good, "V2__b.sql", "CREATE TABLE b (id int);");
        write(good, "U2__b.sql", "DROP TABLE b;");
        return good;
    }

    private static String[] names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aVariantReplacesAddsAndDropsScriptsOfItsBaseAndKeepsTheRest(@TempDir Path sets) throws IOException {
        Path good = base(sets);
        Path variant = sets.resolve("variant");
        write(variant, "U1__a.sql", "SELECT 1; -- forgets the table");
        write(variant, "V3__c.sql", "CREATE TABLE c (id int);");
        write(variant, "DEFECT.txt", "not a script");
        write(variant, VariantSet.MARKER, "# without U2\ndrop: U2__b.sql\n");

        try (VariantSet set = VariantSet.over(good, variant)) {
            assertThat(names(set.directory())).containsExactly("U1__a.sql", "V1__a.sql", "V2__b.sql", "V3__c.sql");
            assertThat(set.directory().resolve("U1__a.sql")).hasContent("SELECT 1; -- forgets the table");
            assertThat(set.directory().resolve("V1__a.sql")).hasContent("CREATE TABLE a (id int);");
            assertThat(set.location()).isEqualTo("filesystem:" + set.directory().toAbsolutePath());
            assertThat(set.directory().getFileName().toString()).startsWith(sets.getFileName() + "-variant-");
            Path laidOut = set.directory();
            set.close();
            assertThat(laidOut).doesNotExist();
        }
        assertThat(names(good)).containsExactly("U1__a.sql", "U2__b.sql", "V1__a.sql", "V2__b.sql");
    }

    @Test
    void theBuildStepLaysOutEveryMarkedVariantWholeAndLeavesWholeSetsAlone(@TempDir Path dir) throws IOException {
        Path sets = dir.resolve("sets");
        base(sets);
        write(sets.resolve("missing-undo"), VariantSet.MARKER, "over: good\ndrop: U1__a.sql, U2__b.sql\n");
        write(sets.resolve("other"), "V1__x.sql", "SELECT 1;");
        Path output = dir.resolve("classes/sets");
        write(output.resolve("missing-undo"), "stale.sql", "left from an earlier build");

        assertThat(VariantSet.layOutAll(sets, output)).containsExactly("missing-undo");

        assertThat(names(output.resolve("missing-undo"))).containsExactly("V1__a.sql", "V2__b.sql");
        assertThat(output.resolve("other")).doesNotExist();
    }

    @Test
    void aDropThatNamesNoScriptOfTheBaseIsRefusedWithWhatTheBaseHas(@TempDir Path sets) throws IOException {
        Path good = base(sets);
        Path variant = sets.resolve("typo");
        write(variant, VariantSet.MARKER, "drop: U2__bb.sql");

        assertThatThrownBy(() -> VariantSet.over(good, variant)).hasMessageContaining("drop: U2__bb.sql is not a "
                + "script of " + good + " (it has U1__a.sql, U2__b.sql, V1__a.sql, V2__b.sql)");
        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temp.map(p -> p.getFileName().toString()))
                    .as("the half-laid-out directory is deleted").noneMatch(n -> n.startsWith(sets.getFileName() + "-typo-"));
        }
    }

    @Test
    void aMarkerWithAnUnknownKeyOrWithoutItsBaseIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path sets = dir.resolve("sets");
        base(sets);
        Path marker = write(sets.resolve("odd"), VariantSet.MARKER, "over: good\nremove: U1__a.sql\n");
        assertThatThrownBy(() -> VariantSet.layOutAll(sets, dir.resolve("out")))
                .hasMessage(marker + ": unknown key 'remove'; a variant knows 'over' (the set it is laid over) and "
                        + "'drop' (scripts of that set it leaves out, separated by commas)");

        Files.writeString(marker, "drop: U1__a.sql\n");
        assertThatThrownBy(() -> VariantSet.layOutAll(sets, dir.resolve("out")))
                .hasMessage(marker + ": name the set this variant is laid over, e.g. 'over: good'");

        Files.writeString(marker, "over: nope\n");
        assertThatThrownBy(() -> VariantSet.layOutAll(sets, dir.resolve("out")))
                .hasMessageContaining(marker + ": over: nope must name a whole set beside it");
    }
}
