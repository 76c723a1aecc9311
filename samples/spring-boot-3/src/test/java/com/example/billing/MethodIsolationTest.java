package com.example.billing;

import dev.verifiedschema.junit.VerifiedSchema;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With isolation per method, every method's repositories work on a fresh copy: the same e-mail address
 * (unique in the schema) is registered once per repetition, and each repetition finds one account.
 */
@VerifiedSchema(contract = "classpath:billing-contract.yaml", isolation = VerifiedSchema.Isolation.METHOD)
@SpringBootTest
class MethodIsolationTest {

    @Autowired
    AccountRepository accounts;

    @RepeatedTest(3)
    void eachMethodStartsFromTheVerifiedEmptySchema() {
        assertThat(accounts.count()).isZero();

        accounts.save(Account.of("same@example.com"));

        assertThat(accounts.findAll()).hasSize(1);
    }
}
