COMMENT ON COLUMN subscriptions.archived_at IS NULL;
COMMENT ON COLUMN subscriptions.sort_order IS NULL;
