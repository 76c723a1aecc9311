package dev.verifiedschema.talentai;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * TalentAI's billing, in plain JDBC: every charge records the usage, debits the balance and writes
 * the ledger row in one database transaction, so the three can never disagree. This is the code
 * that failed silently when production lacked columns; the migration tests run it against the
 * verified schema.
 */
public final class BillingRepository {
    private final DataSource dataSource;

    public BillingRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One ledger row, as the history page shows it. */
    public record Transaction(long id, String type, BigDecimal amount, BigDecimal balanceAfter, String referenceId,
                              String remark, LocalDateTime createdAt) {
    }

    /** The user does not have enough balance for the charge; nothing was written. */
    public static final class InsufficientBalanceException extends RuntimeException {
        public InsufficientBalanceException(long userId, BigDecimal balance, BigDecimal charge) {
            super("User " + userId + " has a balance of " + balance + " but the charge is " + charge
                    + "; nothing was charged");
        }
    }

    /** Creates a user with a starting balance (the website normally does this). */
    public long createUser(String email, String name, BigDecimal balance) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO users (email, name, balance) VALUES (?, ?, ?) RETURNING id")) {
            s.setString(1, email);
            s.setString(2, name);
            s.setBigDecimal(3, balance);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Charges one model call: records the usage, debits the cost (rounded up to the cent) and writes
     * a {@code consume} ledger row, all or nothing.
     *
     * @return the balance after the charge
     * @throws InsufficientBalanceException when the balance does not cover the charge
     */
    public BigDecimal chargeUsage(long userId, String requestId, String operation, String model, int promptTokens,
                                  int completionTokens, BigDecimal cost) throws SQLException {
        BigDecimal charge = cost.setScale(2, RoundingMode.CEILING);
        return inTransaction(c -> {
            BigDecimal balance = lockBalance(c, userId);
            if (balance.compareTo(charge) < 0) {
                throw new InsufficientBalanceException(userId, balance, charge);
            }
            update(c, "INSERT INTO hm_usage_records (user_id, request_id, operation, model, prompt_tokens, "
                    + "completion_tokens, cost) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    userId, requestId, operation, model, promptTokens, completionTokens, cost);
            return post(c, userId, "consume", charge.negate(), balance.subtract(charge), requestId, operation + " " + model);
        });
    }

    /** Adds money to the balance and writes a {@code recharge} ledger row, all or nothing. */
    public BigDecimal recharge(long userId, BigDecimal amount, String paymentReference) throws SQLException {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("A recharge must be positive, but was " + amount);
        }
        return inTransaction(c -> post(c, userId, "recharge", amount, lockBalance(c, userId).add(amount),
                paymentReference, "recharge"));
    }

    /** The user's ledger, newest first. */
    public List<Transaction> history(long userId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, type, amount, balance_after, reference_id, remark, "
                     + "created_at FROM hm_transactions WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")) {
            s.setLong(1, userId);
            s.setInt(2, limit);
            List<Transaction> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Transaction(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toLocalDateTime()));
                }
            }
            return out;
        }
    }

    /** The current balance. */
    public BigDecimal balance(long userId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return readBalance(c, userId, "");
        }
    }

    private BigDecimal post(Connection c, long userId, String type, BigDecimal amount, BigDecimal balanceAfter,
                            String reference, String remark) throws SQLException {
        update(c, "UPDATE users SET balance = ? WHERE id = ?", balanceAfter, userId);
        update(c, "INSERT INTO hm_transactions (user_id, type, amount, balance_after, reference_id, remark) "
                + "VALUES (?, ?, ?, ?, ?, ?)", userId, type, amount, balanceAfter, reference, remark);
        return balanceAfter;
    }

    /** Runs one INSERT or UPDATE with its parameters in order (nulls included). */
    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static BigDecimal lockBalance(Connection c, long userId) throws SQLException {
        return readBalance(c, userId, " FOR UPDATE");
    }

    private static BigDecimal readBalance(Connection c, long userId, String lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT balance FROM users WHERE id = ?" + lock)) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("There is no user " + userId);
                }
                return rs.getBigDecimal(1);
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
