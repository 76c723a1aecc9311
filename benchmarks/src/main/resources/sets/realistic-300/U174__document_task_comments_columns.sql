COMMENT ON COLUMN task_comments.archived_at IS NULL;
COMMENT ON COLUMN task_comments.sort_order IS NULL;
