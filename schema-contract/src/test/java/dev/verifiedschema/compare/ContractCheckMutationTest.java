package dev.verifiedschema.compare;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Violations of an exact contract, in words. */
class ContractCheckMutationTest {

    @Test
    void anUnexpectedIndexSaysWhetherItIsUnique() {
        Contract contract = ContractLoader.parse("""
                tables:
                  t:
                    mode: exact
                    columns: [a, b]
                    indexes: []
                """, "c.yaml");
        Table t = new Table("t", Map.of("a", Fixtures.col("a", "int", true), "b", Fixtures.col("b", "int", true)),
                null, Map.of(), Map.of("t_a_idx", new Index("t_a_idx", List.of("a"), true, null, "btree"),
                "t_b_idx", new Index("t_b_idx", List.of("b"), false, null, "btree")), Map.of(), Map.of(), Map.of());

        assertThat(ContractCheck.check(contract, Fixtures.schema(t))).extracting(Object::toString).containsExactly(
                "t: index not in the contract t_a_idx (found (a) unique)",
                "t: index not in the contract t_b_idx (found (b))");
    }
}
