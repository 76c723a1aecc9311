package dev.verifiedschema.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The JSON Schema that editors use to check contract files must describe exactly the keys the
 * reader accepts, and the copy under docs/ must be the same file. The expected keys are written
 * out here once: the schema is compared with them, and the reader's "Allowed keys" messages are
 * too, so this fails when either side drifts.
 */
class ContractJsonSchemaTest {
    private static final String RESOURCE = "dev/verifiedschema/contract/contract.schema.json";
    private static final Path DOCS_COPY = Path.of("..", "docs", "contract.schema.json");

    private static final List<String> TOP = List.of("schema", "owned", "tables", "designLint");
    private static final List<String> DESIGN_LINT = List.of("failOn", "exclude", "rules", "sql");
    private static final List<String> SQL_RULE = List.of("name", "severity", "message", "table", "schema");
    private static final List<String> TABLE = List.of("mode", "columns", "primaryKey", "foreignKeys", "indexes",
            "uniqueConstraints");
    private static final List<String> COLUMN = List.of("type", "nullable", "default");
    private static final List<String> FOREIGN_KEY = List.of("columns", "references", "onDelete");
    private static final List<String> INDEX = List.of("name", "columns", "unique");
    private static final List<String> UNIQUE_CONSTRAINT = List.of("name", "columns");

    private static byte[] resourceBytes() throws IOException {
        try (InputStream in = ContractJsonSchemaTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as("%s on the classpath", RESOURCE).isNotNull();
            return in.readAllBytes();
        }
    }

    private static JsonNode schema() throws IOException {
        return new ObjectMapper().readTree(resourceBytes());
    }

    private static List<String> propertyNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Follows a local {@code $ref} such as {@code #/$defs/table}. */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#") ? root.at(ref.substring(1)) : node;
    }

    @Test
    void theSchemaIsValidJsonOfDraft202012() throws IOException {
        JsonNode schema = schema();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("required").toString()).isEqualTo("[\"tables\"]");
    }

    @Test
    void theDocsCopyIsByteIdentical() throws IOException {
        assertThat(DOCS_COPY).as("docs copy, relative to %s", Path.of("").toAbsolutePath()).isRegularFile();
        byte[] docs = Files.readAllBytes(DOCS_COPY);
        byte[] resource = resourceBytes();
        String why = "docs/contract.schema.json must be an exact copy of src/main/resources/" + RESOURCE;
        assertThat(new String(docs, StandardCharsets.UTF_8)).as(why)
                .isEqualTo(new String(resource, StandardCharsets.UTF_8));
        assertThat(Arrays.equals(docs, resource)).as(why).isTrue();
    }

    @Test
    void everyLevelHasExactlyTheKeysTheReaderAllowsAndNoOthers() throws IOException {
        JsonNode root = schema();
        JsonNode table = resolve(root, root.at("/properties/tables/additionalProperties"));
        JsonNode column = resolve(root, root.at("/$defs/column"));
        JsonNode foreignKey = resolve(root, table.at("/properties/foreignKeys/items"));
        JsonNode index = resolve(root, table.at("/properties/indexes/items"));
        JsonNode unique = resolve(root, table.at("/properties/uniqueConstraints/items"));

        assertThat(propertyNames(root)).containsExactlyElementsOf(TOP);
        assertThat(propertyNames(table)).containsExactlyElementsOf(TABLE);
        assertThat(propertyNames(column)).containsExactlyElementsOf(COLUMN);
        assertThat(propertyNames(foreignKey)).containsExactlyElementsOf(FOREIGN_KEY);
        assertThat(propertyNames(index)).containsExactlyElementsOf(INDEX);
        assertThat(propertyNames(unique)).containsExactlyElementsOf(UNIQUE_CONSTRAINT);
        assertThat(unique.path("required").toString()).isEqualTo("[\"columns\"]");
        for (JsonNode level : List.of(root, table, column, foreignKey, index, unique)) {
            assertThat(level.path("additionalProperties").isBoolean()
                    && !level.path("additionalProperties").booleanValue())
                    .as("additionalProperties is false, as the reader rejects unknown keys").isTrue();
        }
        assertThat(table.at("/properties/columns/oneOf/1/additionalProperties/oneOf/2/$ref").asText())
                .as("the properties form of a column").isEqualTo("#/$defs/column");
    }

    @Test
    void theDesignLintSectionHasTheReadersKeysAndEveryRule() throws IOException {
        JsonNode designLint = schema().at("/properties/designLint/oneOf/3");
        JsonNode sqlRule = designLint.at("/properties/sql/items");

        assertThat(propertyNames(designLint)).containsExactlyElementsOf(DESIGN_LINT);
        assertThat(propertyNames(sqlRule)).containsExactlyElementsOf(SQL_RULE);
        assertThat(propertyNames(designLint.at("/properties/rules")))
                .containsExactlyElementsOf(DesignLintSettings.RULES.stream().map(DesignLintSettings.Rule::name).toList());
        for (JsonNode level : List.of(designLint, sqlRule, designLint.at("/properties/rules"))) {
            assertThat(level.path("additionalProperties").booleanValue()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            top level   | zzzzzzzz: 1\\ntables: {}
            table       | tables:\\n  t:\\n    zzzzzzzz: 1
            column      | tables:\\n  t:\\n    columns:\\n      c: { zzzzzzzz: 1 }
            foreign key | tables:\\n  t:\\n    foreignKeys:\\n      - { zzzzzzzz: 1 }
            index       | tables:\\n  t:\\n    indexes:\\n      - { zzzzzzzz: 1 }
            unique      | tables:\\n  t:\\n    uniqueConstraints:\\n      - { zzzzzzzz: 1 }
            design lint | designLint: { zzzzzzzz: 1 }\\ntables: {}
            sql rule    | designLint:\\n  sql:\\n    - { zzzzzzzz: 1 }\\ntables: {}
            """)
    void theReaderAllowsTheSameKeys(String level, String yaml) {
        ContractException e = catchThrowableOfType(ContractException.class,
                () -> ContractLoader.parse(yaml.replace("\\n", "\n"), "drift.yaml"));

        String message = e.problems().stream().map(ContractProblem::message)
                .filter(m -> m.contains("unknown key 'zzzzzzzz'")).findFirst().orElseThrow();
        List<String> allowed = Arrays.asList(message.substring(message.indexOf("Allowed keys: ") + 14).split(", "));
        List<String> expected = switch (level) {
            case "top level" -> TOP;
            case "table" -> TABLE;
            case "column" -> COLUMN;
            case "foreign key" -> FOREIGN_KEY;
            case "unique" -> UNIQUE_CONSTRAINT;
            case "design lint" -> DESIGN_LINT;
            case "sql rule" -> SQL_RULE;
            default -> INDEX;
        };
        assertThat(allowed).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "onDelete {0}: {1}")
    @CsvSource({"cascade, true", "CASCADE, true", "set null, true", "SET_NULL, true", "No Action, true",
            "restrict, true", "set_default, true", "nullify, false", "setnull, false", "set  null, false"})
    void theOnDeletePatternAcceptsWhatTheReaderAccepts(String rule, boolean accepted) throws IOException {
        JsonNode root = schema();
        Pattern pattern = Pattern.compile(root.at("/$defs/foreignKey/properties/onDelete/pattern").asText());
        String yaml = "tables:\n  users:\n    columns: [id]\n  t:\n    columns: [user_id]\n    foreignKeys:\n"
                + "      - { columns: [user_id], references: \"users(id)\", onDelete: \"" + rule + "\" }\n";
        boolean readerAccepts = catchThrowableOfType(ContractException.class,
                () -> ContractLoader.parse(yaml, "on-delete.yaml")) == null;

        assertThat(pattern.matcher(rule).find()).as("schema pattern").isEqualTo(accepted);
        assertThat(readerAccepts).as("reader").isEqualTo(accepted);
    }
}
