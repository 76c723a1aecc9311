COMMENT ON COLUMN notifications.archived_at IS 'Set when a user archives the row; archived rows are hidden.';
COMMENT ON COLUMN notifications.sort_order IS 'Position in manual ordering, 0 first.';
