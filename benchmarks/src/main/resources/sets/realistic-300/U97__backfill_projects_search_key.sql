DROP INDEX projects_search_key_idx;
ALTER TABLE projects DROP COLUMN search_key;
