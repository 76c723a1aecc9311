DROP INDEX webhooks_search_key_idx;
ALTER TABLE webhooks DROP COLUMN search_key;
