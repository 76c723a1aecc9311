package dev.verifiedschema.migrate;

import dev.verifiedschema.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class TableDataTest {
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "never_filled", List.of("id"), "emptied", List.of("id", "name"), "filled", List.of("id", "name"),
            "parted", List.of("id"), "parent", List.of("id"));

    @Test
    void emptyTablesPrintTheSameWhetherTheyNeverHeldRowsOrWereEmptiedAndFilledOnesAreHashed(DataSource database)
            throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE never_filled (id int); CREATE TABLE emptied (id int, name text);"
                    + "CREATE TABLE filled (id int, name text); CREATE TABLE parted (id int) PARTITION BY RANGE (id);"
                    + "CREATE TABLE parted_low PARTITION OF parted FOR VALUES FROM (0) TO (100);"
                    + "INSERT INTO emptied VALUES (1, 'a'); DELETE FROM emptied;"
                    + "INSERT INTO filled VALUES (1, 'a'), (2, NULL); INSERT INTO parted VALUES (5);"
                    + "CREATE TABLE parent (id int); CREATE TABLE child () INHERITS (parent); INSERT INTO child VALUES (7)");

            Map<String, TableData.Print> prints = TableData.read(c, "public", COLUMNS);

            assertThat(prints.get("never_filled")).isEqualTo(new TableData.Print(0, Map.of(), ""));
            assertThat(prints.get("emptied")).isEqualTo(new TableData.Print(0, Map.of(), ""));
            assertThat(prints.get("filled").rows()).isEqualTo(2);
            assertThat(prints.get("filled").columns()).containsOnlyKeys("id", "name");
            assertThat(prints.get("parted").rows()).as("rows of a partitioned table live in its partitions").isEqualTo(1);
            assertThat(prints.get("parent").rows()).as("an empty inheritance parent counts its children").isEqualTo(1);

            s.execute("UPDATE filled SET name = 'b' WHERE id = 2; TRUNCATE parted; DROP TABLE never_filled");
            assertThat(TableData.differences(prints, TableData.read(c, "public", COLUMNS)))
                    .containsExactly("filled.name: values differ (2 rows)", "never_filled: the table is gone",
                            "parted: 1 rows before, 0 after");
        }
    }
}
