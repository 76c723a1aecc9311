DROP INDEX orders_placed_at_idx;
ALTER TABLE orders DROP COLUMN placed_at;
