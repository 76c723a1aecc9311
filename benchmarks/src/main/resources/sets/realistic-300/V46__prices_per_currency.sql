CREATE TABLE plan_prices (
    plan_code text NOT NULL REFERENCES plans (code) ON DELETE CASCADE,
    currency_code char(3) NOT NULL REFERENCES currencies (code),
    amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (plan_code, currency_code)
);

-- today's prices become the EUR prices
INSERT INTO plan_prices (plan_code, currency_code, amount_minor)
SELECT code, 'EUR', price_cents FROM plans;
