CREATE TABLE orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint        NOT NULL REFERENCES customers (id),
    total       numeric(12,2) NOT NULL CHECK (total >= 0)
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
-- the support team lists customers by sign-up date
CREATE INDEX customers_created_at_idx ON customers (created_at);
