package com.example.billing;

import dev.verifiedschema.junit.JdbcUrl;
import dev.verifiedschema.junit.VerifiedSchema;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring begins a test-managed transaction in its own {@code beforeEach}, which here runs before
 * {@code @VerifiedSchema}'s (its annotation comes first); the transaction is still on the method's copy.
 */
@SpringBootTest
@Transactional
@VerifiedSchema(contract = "classpath:billing-contract.yaml", isolation = VerifiedSchema.Isolation.METHOD)
class TransactionalMethodIsolationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountRepository accounts;

    @RepeatedTest(2)
    void theTestTransactionRunsOnTheMethodsCopy(@JdbcUrl String methodDatabase) {
        accounts.save(Account.of("tx@example.com"));

        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        assertThat(methodDatabase).contains("/" + database + "?");
        assertThat(accounts.count()).isEqualTo(1);
    }
}
