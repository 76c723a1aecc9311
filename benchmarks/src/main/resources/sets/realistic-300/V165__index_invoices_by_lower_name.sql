CREATE UNIQUE INDEX invoices_lower_label_idx ON invoices (account_id, lower(name))
    WHERE archived_at IS NULL;
