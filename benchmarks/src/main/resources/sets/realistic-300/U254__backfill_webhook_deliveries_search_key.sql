DROP INDEX webhook_deliveries_search_key_idx;
ALTER TABLE webhook_deliveries DROP COLUMN search_key;
