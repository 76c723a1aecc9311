package dev.verifiedschema.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    @Test
    void unquotedNamesFoldAndQuotedNamesKeepCase() {
        assertThat(Identifiers.fold("Users")).isEqualTo("users");
        assertThat(Identifiers.fold("\"Users\"")).isEqualTo("Users");
        assertThat(Identifiers.fold("\"say \"\"hi\"\"\"")).isEqualTo("say \"hi\"");
    }

    @Test
    void namesAreQuotedOnlyWhenTheyMustBe() {
        assertThat(Identifiers.quote("users")).isEqualTo("users");
        assertThat(Identifiers.quote("type")).isEqualTo("type");
        assertThat(Identifiers.quote("user")).isEqualTo("\"user\"");
        assertThat(Identifiers.quote("order")).isEqualTo("\"order\"");
        assertThat(Identifiers.quote("CamelCase")).isEqualTo("\"CamelCase\"");
        assertThat(Identifiers.quote("x\"; DROP TABLE users; --")).isEqualTo("\"x\"\"; DROP TABLE users; --\"");
    }

    @Test
    void brokenQuotedNamesAreRejected() {
        assertThatThrownBy(() -> Identifiers.fold("\"open")).hasMessageContaining("no closing quote");
        assertThatThrownBy(() -> Identifiers.fold("\"a\"b\"")).hasMessageContaining("lone quote");
        assertThatThrownBy(() -> Identifiers.fold(" ")).hasMessageContaining("cannot be empty");
    }
}
