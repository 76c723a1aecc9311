package com.example.billing.jpa;

import dev.verifiedschema.junit.VerifiedSchema;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JPA slice on the verified database, with nothing more than the annotations: Hibernate validated its
 * entities against the verified schema when the context started (ddl-auto=validate), and the repositories'
 * queries run on PostgreSQL.
 */
@VerifiedSchema(contract = "classpath:billing-contract.yaml")
@DataJpaTest
class ChargeRepositoryTest {

    @Autowired
    CustomerRepository customers;
    @Autowired
    ChargeRepository charges;
    @Autowired
    EntityManager entityManager;

    @Test
    void chargesAddUpPerCustomer() {
        Customer ada = customers.save(new Customer("ada@example.com"));
        charges.save(new Charge(ada, 12_50));
        charges.save(new Charge(ada, 7_50));

        assertThat(charges.totalCentsOf("ada@example.com")).isEqualTo(20_00);
    }

    @Test
    void theDatabaseGivesTheCurrencyThePlaceholderSet() {
        Charge charge = charges.saveAndFlush(new Charge(customers.save(new Customer("grace@example.com")), 1_00));
        entityManager.clear();

        assertThat(charges.findById(charge.getId()).orElseThrow().getCurrency()).isEqualTo("EUR");
    }
}
