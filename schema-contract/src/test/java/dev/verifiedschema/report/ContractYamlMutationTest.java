package dev.verifiedschema.report;

import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.ForeignKey;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.PrimaryKey;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;
import dev.verifiedschema.snapshot.UniqueConstraint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract written from a hand-built snapshot, exactly. */
class ContractYamlMutationTest {

    private static SchemaSnapshot snapshot(String schema, Table... tables) {
        Map<String, Table> map = new java.util.HashMap<>();
        for (Table t : tables) {
            map.put(t.name(), t);
        }
        return new SchemaSnapshot(schema, map, Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static Table members() {
        return new Table("members", Map.of(
                "id", new Column("id", "bigint", false, "generated", "ALWAYS"),
                "team_id", new Column("team_id", "bigint", false, null, null),
                "Role", new Column("Role", "character varying(16)", true, "'member'::character varying", null),
                "note", new Column("note", "text", true, "'a \"b\" \\ c\nd'", null)),
                new PrimaryKey("members_pkey", List.of("id")),
                Map.of("members_team_id_fkey", new ForeignKey("members_team_id_fkey", List.of("team_id"), "teams",
                                List.of("id"), "CASCADE", "NO ACTION"),
                        "members_x_fkey", new ForeignKey("members_x_fkey", List.of("team_id"), "other.Ext",
                                List.of("Code"), "NO ACTION", "NO ACTION")),
                Map.of("members_pkey", new Index("members_pkey", List.of("id"), true, null, "btree"),
                        "members_team_key", new Index("members_team_key", List.of("team_id"), true, null, "btree"),
                        "members_role_idx", new Index("members_role_idx", List.of("Role"), false, null, "btree")),
                Map.of("members_team_key", new UniqueConstraint("members_team_key", List.of("team_id"))),
                Map.of(), Map.of());
    }

    private static Table bare(String name) {
        return new Table(name, Map.of("id", new Column("id", "integer", false, null, null)), null, Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of());
    }

    @Test
    void everyPartOfATableIsWrittenAndATableOutsideTheFilterIsOnlyReferenced() {
        String yaml = ContractYaml.of(snapshot("public", members(), bare("teams")), t -> !t.equals("teams"));

        assertThat(yaml).isEqualTo("""
                # Contract generated from a snapshot of schema public. Trim it: keep what the application needs;
                # use mode: required for tables shared with other applications.
                schema: public
                tables:
                  members:
                    mode: exact
                    columns:
                      '"Role"': { type: "character varying(16)", nullable: true, default: "'member'::character varying" }
                      id: { type: "bigint", nullable: false }
                      note: { type: "text", nullable: true, default: "'a \\"b\\" \\\\ c\\nd'" }
                      team_id: { type: "bigint", nullable: false }
                    primaryKey: [id]
                    foreignKeys:
                      - { columns: [team_id], references: "teams(id)", onDelete: "cascade" }
                      - { columns: [team_id], references: "other.Ext(\\"Code\\")", onDelete: "no action" }
                    uniqueConstraints:
                      - { name: members_team_key, columns: [team_id] }
                    indexes:
                      - { name: members_role_idx, columns: ['"Role"'], unique: false }
                  teams:    # referenced by a foreign key above
                    columns: [id]
                """);
    }

    @Test
    void aTableWithoutKeysOrIndexesDeclaresEachKindEmpty() {
        String yaml = ContractYaml.of(snapshot("Odd's", bare("t")), t -> true);

        assertThat(yaml).isEqualTo("""
                # Contract generated from a snapshot of schema Odd's. Trim it: keep what the application needs;
                # use mode: required for tables shared with other applications.
                schema: '"Odd''s"'
                tables:
                  t:
                    mode: exact
                    columns:
                      id: { type: "integer", nullable: false }
                    primaryKey: []    # none
                    foreignKeys: []
                    uniqueConstraints: []
                    indexes: []
                """);
    }

    @Test
    void aUniqueIndexThatBacksNoConstraintIsListedAsUnique() {
        Table t = new Table("t", Map.of("id", new Column("id", "integer", false, null, null)), null, Map.of(),
                Map.of("t_id_idx", new Index("t_id_idx", List.of("id"), true, null, "btree")), Map.of(), Map.of(),
                Map.of());

        assertThat(ContractYaml.of(snapshot("public", t), n -> true)).endsWith("""
                    indexes:
                      - { name: t_id_idx, columns: [id], unique: true }
                """);
    }

    @Test
    void noMatchingTableGivesAnEmptyTableMap() {
        String yaml = ContractYaml.of(snapshot("public", bare("t")), t -> false);

        assertThat(yaml).isEqualTo("""
                # Contract generated from a snapshot of schema public. Trim it: keep what the application needs;
                # use mode: required for tables shared with other applications.
                schema: public
                tables: {}    # no table matched
                """);
    }
}
