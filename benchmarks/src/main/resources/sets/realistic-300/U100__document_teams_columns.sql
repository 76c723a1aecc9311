COMMENT ON COLUMN teams.archived_at IS NULL;
COMMENT ON COLUMN teams.sort_order IS NULL;
