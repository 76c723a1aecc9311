CREATE TABLE plan_prices (
    plan_id    integer       NOT NULL REFERENCES plans (id),
    currency   char(3)       NOT NULL,
    amount     numeric(10,2) NOT NULL,
    PRIMARY KEY (plan_id, currency)
);
