DROP INDEX memberships_search_key_idx;
ALTER TABLE memberships DROP COLUMN search_key;
