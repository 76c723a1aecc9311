ALTER TABLE orders ADD COLUMN placed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX orders_placed_at_idx ON orders (placed_at DESC);
