COMMENT ON COLUMN notifications.archived_at IS NULL;
COMMENT ON COLUMN notifications.sort_order IS NULL;
