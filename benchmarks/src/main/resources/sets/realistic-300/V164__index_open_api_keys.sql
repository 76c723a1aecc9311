-- most screens list only what is not archived
CREATE INDEX api_keys_open_user_idx ON api_keys (user_id)
    WHERE archived_at IS NULL;
