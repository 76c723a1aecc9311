-- most screens list only what is not archived
CREATE INDEX users_open_account_idx ON users (account_id)
    WHERE archived_at IS NULL;
