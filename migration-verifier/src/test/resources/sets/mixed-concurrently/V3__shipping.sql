ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
-- built without locking the table: cannot run in a transaction
CREATE INDEX CONCURRENTLY orders_shipped_idx ON orders (shipped_at);
