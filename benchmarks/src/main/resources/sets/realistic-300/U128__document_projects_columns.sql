COMMENT ON COLUMN projects.archived_at IS NULL;
COMMENT ON COLUMN projects.sort_order IS NULL;
