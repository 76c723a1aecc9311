COMMENT ON COLUMN attachments.archived_at IS NULL;
COMMENT ON COLUMN attachments.sort_order IS NULL;
