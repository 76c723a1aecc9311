CREATE UNIQUE INDEX webhooks_lower_label_idx ON webhooks (account_id, lower(name))
    WHERE archived_at IS NULL;
