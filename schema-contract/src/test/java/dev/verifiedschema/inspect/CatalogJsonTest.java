package dev.verifiedschema.inspect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogJsonTest {
    @Test
    void aCatalogRowKeepsEveryValueAsTheServerSentIt() {
        Map<String, Object> row = CatalogJson.object("{\"table_name\": \"h\\u00e9 \\\"quoted\\\"\\nline\", \"nullable\": 1,"
                + " \"start_value\": 9223372036854775807, \"non_unique\": false, \"column_def\": null,"
                + " \"nested\": {\"a\": [1, \"b\", null]}}");

        assertThat(row).containsEntry("table_name", "hé \"quoted\"\nline").containsEntry("nullable", "1")
                .containsEntry("start_value", "9223372036854775807").containsEntry("non_unique", false)
                .containsEntry("column_def", null);
        assertThat(row.get("nested")).isEqualTo(Map.of("a", java.util.Arrays.asList("1", "b", null)));
    }

    @Test
    void listsAndTargetsOfTheCatalogSqlAreRead() {
        assertThat(CatalogJson.strings("[\"tenant_id\", \"created_at\"]")).containsExactly("tenant_id", "created_at");
        assertThat(CatalogReader.target("{\"schema\": \"public\", \"table\": \"users\", \"columns\": [\"id\"],"
                + " \"onDelete\": \"CASCADE\", \"onUpdate\": \"NO ACTION\", \"options\": null}"))
                .isEqualTo(new CatalogReader.Target("public", "users", List.of("id"), "CASCADE", "NO ACTION", null));
    }

    @Test
    void namesAreSentAsAJsonArrayThatSurvivesQuotesAndBackslashes() {
        String json = CatalogJson.array(new java.util.LinkedHashSet<>(List.of("a\"b", "c\\d", "é")));

        assertThat(json).isEqualTo("[\"a\\\"b\",\"c\\\\d\",\"é\"]");
        assertThat(CatalogJson.strings(json)).containsExactly("a\"b", "c\\d", "é");
        assertThat(CatalogJson.array(Set.of())).isEqualTo("[]");
    }

    @Test
    void anUnreadableRowSaysWhatItIs() {
        assertThatThrownBy(() -> CatalogJson.object("[1]")).hasMessageContaining("not an object");
        assertThatThrownBy(() -> CatalogJson.object("{\"a\": ")).hasMessageContaining("Unreadable row from the catalog");
    }
}
