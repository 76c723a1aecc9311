CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id)
);
CREATE INDEX customers_email_lower_idx ON customers (lower(email));
