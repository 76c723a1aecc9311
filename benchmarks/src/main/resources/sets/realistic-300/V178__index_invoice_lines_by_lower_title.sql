CREATE UNIQUE INDEX invoice_lines_lower_label_idx ON invoice_lines (invoice_id, lower(title))
    WHERE archived_at IS NULL;
