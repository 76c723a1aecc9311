COMMENT ON COLUMN invoices.archived_at IS NULL;
COMMENT ON COLUMN invoices.sort_order IS NULL;
