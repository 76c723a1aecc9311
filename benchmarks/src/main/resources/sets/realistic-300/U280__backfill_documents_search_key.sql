DROP INDEX documents_search_key_idx;
ALTER TABLE documents DROP COLUMN search_key;
