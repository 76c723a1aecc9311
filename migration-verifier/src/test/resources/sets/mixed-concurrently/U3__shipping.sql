DROP INDEX orders_shipped_idx;
ALTER TABLE orders DROP COLUMN shipped_at;
