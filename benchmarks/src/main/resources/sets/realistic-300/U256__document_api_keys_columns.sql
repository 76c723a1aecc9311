COMMENT ON COLUMN api_keys.archived_at IS NULL;
COMMENT ON COLUMN api_keys.sort_order IS NULL;
