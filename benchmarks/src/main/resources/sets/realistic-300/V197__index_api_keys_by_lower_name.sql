CREATE UNIQUE INDEX api_keys_lower_label_idx ON api_keys (user_id, lower(name))
    WHERE archived_at IS NULL;
