COMMENT ON COLUMN payments.archived_at IS NULL;
COMMENT ON COLUMN payments.sort_order IS NULL;
