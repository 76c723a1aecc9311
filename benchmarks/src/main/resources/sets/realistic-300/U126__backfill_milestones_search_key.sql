DROP INDEX milestones_search_key_idx;
ALTER TABLE milestones DROP COLUMN search_key;
