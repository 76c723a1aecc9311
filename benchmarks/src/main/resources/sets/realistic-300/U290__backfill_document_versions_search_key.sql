DROP INDEX document_versions_search_key_idx;
ALTER TABLE document_versions DROP COLUMN search_key;
