CREATE UNIQUE INDEX subscriptions_lower_label_idx ON subscriptions (account_id, lower(name))
    WHERE archived_at IS NULL;
