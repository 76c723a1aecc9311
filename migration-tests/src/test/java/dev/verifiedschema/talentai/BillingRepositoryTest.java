package dev.verifiedschema.talentai;

import dev.verifiedschema.junit.VerifiedSchema;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The everyday use of the extension: repository tests against the verified schema, a clean database
 * per method. Same migrations, contract and fixtures as {@link TalentAiMigrationsTest}: verified once.
 */
@VerifiedSchema(contract = "classpath:talentai-contract.yaml", fixtures = "classpath:fixtures/talentai",
        isolation = VerifiedSchema.Isolation.METHOD)
class BillingRepositoryTest {

    @Test
    void aChargeRecordsUsageDebitsTheBalanceAndWritesTheLedgerTogether(DataSource db) throws SQLException {
        BillingRepository billing = new BillingRepository(db);
        long user = billing.createUser("zhang.wei@example.com", "张伟", new BigDecimal("10.00"));

        BigDecimal after = billing.chargeUsage(user, "req-1", "match", "deepseek-chat", 1200, 800,
                new BigDecimal("0.012345"));

        assertThat(after).isEqualByComparingTo("9.98");
        assertThat(billing.balance(user)).isEqualByComparingTo("9.98");
        assertThat(billing.history(user, 10)).singleElement().satisfies(tx -> {
            assertThat(tx.type()).isEqualTo("consume");
            assertThat(tx.amount()).isEqualByComparingTo("-0.02");
            assertThat(tx.balanceAfter()).isEqualByComparingTo("9.98");
            assertThat(tx.referenceId()).isEqualTo("req-1");
        });
    }

    @Test
    void aChargeBeyondTheBalanceWritesNothing(DataSource db) throws SQLException {
        BillingRepository billing = new BillingRepository(db);
        long user = billing.createUser("li.na@example.com", "李娜", new BigDecimal("0.01"));

        assertThatThrownBy(() -> billing.chargeUsage(user, "req-2", "match", "deepseek-chat", 1, 1,
                new BigDecimal("0.50")))
                .isInstanceOf(BillingRepository.InsufficientBalanceException.class)
                .hasMessageContaining("balance of 0.01 but the charge is 0.50");
        assertThat(billing.balance(user)).isEqualByComparingTo("0.01");
        assertThat(billing.history(user, 10)).isEmpty();
    }

    @Test
    void aRepeatedRequestIdIsRejectedAndRolledBackWhole(DataSource db) throws SQLException {
        BillingRepository billing = new BillingRepository(db);
        long user = billing.createUser("wang.fang@example.com", "王芳", new BigDecimal("5.00"));
        billing.chargeUsage(user, "req-3", "match", "m", 1, 1, new BigDecimal("1.00"));

        assertThatThrownBy(() -> billing.chargeUsage(user, "req-3", "match", "m", 1, 1, new BigDecimal("1.00")))
                .isInstanceOf(SQLException.class).hasMessageContaining("hm_usage_records_request_id_key");
        assertThat(billing.balance(user)).isEqualByComparingTo("4.00");
        assertThat(billing.history(user, 10)).hasSize(1);
    }

    @Test
    void theHistoryListsRechargesAndChargesNewestFirst(DataSource db) throws SQLException {
        BillingRepository billing = new BillingRepository(db);
        long user = billing.createUser("chen.jie@example.com", "陈杰", BigDecimal.ZERO);
        billing.recharge(user, new BigDecimal("20.00"), "pay-001");
        billing.chargeUsage(user, "req-4", "match", "m", 10, 10, new BigDecimal("3.5"));

        List<BillingRepository.Transaction> history = billing.history(user, 10);

        assertThat(history).extracting(BillingRepository.Transaction::type).containsExactly("consume", "recharge");
        assertThat(history).extracting(BillingRepository.Transaction::balanceAfter)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("16.50"), new BigDecimal("20.00"));
        assertThatThrownBy(() -> billing.recharge(user, BigDecimal.ZERO, "x")).hasMessageContaining("must be positive");
    }
}
