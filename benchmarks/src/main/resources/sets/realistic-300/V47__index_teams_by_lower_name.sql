CREATE UNIQUE INDEX teams_lower_label_idx ON teams (account_id, lower(name))
    WHERE archived_at IS NULL;
