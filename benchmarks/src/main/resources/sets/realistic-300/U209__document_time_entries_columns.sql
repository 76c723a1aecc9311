COMMENT ON COLUMN time_entries.archived_at IS NULL;
COMMENT ON COLUMN time_entries.sort_order IS NULL;
