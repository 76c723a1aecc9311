CREATE TABLE order_items (
    order_id bigint  NOT NULL REFERENCES orders (id),
    sku      text    NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);
