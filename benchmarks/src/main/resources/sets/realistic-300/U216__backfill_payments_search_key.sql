DROP INDEX payments_search_key_idx;
ALTER TABLE payments DROP COLUMN search_key;
