-- most screens list only what is not archived
CREATE INDEX subscriptions_open_account_idx ON subscriptions (account_id)
    WHERE archived_at IS NULL;
