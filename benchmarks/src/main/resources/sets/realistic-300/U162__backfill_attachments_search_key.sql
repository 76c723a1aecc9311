DROP INDEX attachments_search_key_idx;
ALTER TABLE attachments DROP COLUMN search_key;
