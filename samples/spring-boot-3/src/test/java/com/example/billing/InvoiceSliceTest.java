package com.example.billing;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test slice through the team's composed annotation ({@code @VerifiedSchema}, {@code @DataJdbcTest} and
 * {@code @AutoConfigureTestDatabase(replace = NONE)} in one): only the repositories start, on the verified
 * database. Each test rolls back, as {@code @DataJdbcTest} does.
 */
@RepositorySlice
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoiceSliceTest {

    @Autowired
    AccountRepository accounts;
    @Autowired
    InvoiceRepository invoices;

    @Test
    @Order(1)
    void findsTheInvoicesOfAnAccount() {
        Account account = accounts.save(Account.of("linus@example.com"));
        invoices.save(Invoice.draft(account.id(), 1_00));
        invoices.save(Invoice.draft(account.id(), 2_00));

        assertThat(invoices.findByAccountId(account.id())).extracting(Invoice::amountCents)
                .containsExactlyInAnyOrder(1_00L, 2_00L);
    }

    @Test
    @Order(2)
    void aTestStartsWithoutWhatAnotherRolledBack() {
        assertThat(accounts.findByEmail("linus@example.com")).isEmpty();
    }
}
