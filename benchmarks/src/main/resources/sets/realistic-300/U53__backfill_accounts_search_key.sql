DROP INDEX accounts_search_key_idx;
ALTER TABLE accounts DROP COLUMN search_key;
