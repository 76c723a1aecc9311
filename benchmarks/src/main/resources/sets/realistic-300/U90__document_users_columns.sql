COMMENT ON COLUMN users.archived_at IS NULL;
COMMENT ON COLUMN users.sort_order IS NULL;
