DROP INDEX labels_search_key_idx;
ALTER TABLE labels DROP COLUMN search_key;
