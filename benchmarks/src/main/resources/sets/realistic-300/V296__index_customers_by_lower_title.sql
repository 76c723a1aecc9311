CREATE UNIQUE INDEX customers_lower_label_idx ON customers (account_id, lower(title))
    WHERE archived_at IS NULL;
