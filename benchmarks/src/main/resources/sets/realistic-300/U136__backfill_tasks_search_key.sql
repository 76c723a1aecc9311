DROP INDEX tasks_search_key_idx;
ALTER TABLE tasks DROP COLUMN search_key;
