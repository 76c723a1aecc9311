COMMENT ON COLUMN projects.archived_at IS 'Set when a user archives the row; archived rows are hidden.';
COMMENT ON COLUMN projects.sort_order IS 'Position in manual ordering, 0 first.';
