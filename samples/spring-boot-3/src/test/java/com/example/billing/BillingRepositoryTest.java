package com.example.billing;

import dev.verifiedschema.junit.JdbcUrl;
import dev.verifiedschema.junit.VerifiedSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on the verified database: the migrations and placeholders come from
 * application.yml (spring.flyway.*), the annotation names only the contract.
 */
@VerifiedSchema(contract = "classpath:billing-contract.yaml")
@SpringBootTest
class BillingRepositoryTest {

    @Autowired
    AccountRepository accounts;
    @Autowired
    InvoiceRepository invoices;
    @Autowired
    DataSource applicationDataSource;
    @Autowired
    ObjectProvider<Flyway> flyway;

    @Test
    void springBootsOwnFlywayRunIsSkipped() {
        assertThat(flyway.getIfAvailable()).as("Spring Boot's Flyway bean").isNull();
    }

    @Test
    void theApplicationsDataSourceIsTheVerifiedDatabase(@JdbcUrl String verifiedUrl) throws SQLException {
        try (Connection connection = applicationDataSource.getConnection()) {
            String verifiedDatabase = verifiedUrl.replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
            assertThat(connection.getCatalog()).isEqualTo(verifiedDatabase);
        }
    }

    @Test
    void invoicesGetTheCurrencyThePlaceholderInApplicationYmlGave() {
        Account account = accounts.save(Account.of("ada@example.com"));
        Invoice saved = invoices.save(Invoice.draft(account.id(), 12_50));

        Invoice read = invoices.findById(saved.id()).orElseThrow();

        assertThat(read.currency()).isEqualTo("EUR");
        assertThat(read.status()).isEqualTo("draft");
    }

    @Test
    void aPaidInvoiceLeavesTheOpenInvoiceView() {
        Account account = accounts.save(Account.of("grace@example.com"));
        Invoice invoice = invoices.save(Invoice.draft(account.id(), 99_00));
        assertThat(invoices.countOpen(account.id())).isEqualTo(1);

        invoices.markPaid(invoice.id());

        assertThat(invoices.countOpen(account.id())).isZero();
        assertThat(invoices.findById(invoice.id()).orElseThrow().paidAt()).isNotNull();
    }
}
