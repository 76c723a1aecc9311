package com.example.billing;

import dev.verifiedschema.junit.VerifiedSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slice as generated, without {@code @AutoConfigureTestDatabase(replace = NONE)}: the verified database
 * is kept all the same, not swapped for an embedded one (none is on this class path).
 */
@VerifiedSchema(contract = "classpath:billing-contract.yaml")
@DataJdbcTest
class DefaultSliceTest {

    @Autowired
    AccountRepository accounts;

    @Test
    void repositoriesWorkOnTheVerifiedDatabase() {
        accounts.save(Account.of("slice@example.com"));

        assertThat(accounts.findByEmail("slice@example.com")).isPresent();
    }
}
