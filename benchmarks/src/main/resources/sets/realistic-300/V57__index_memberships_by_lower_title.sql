CREATE UNIQUE INDEX memberships_lower_label_idx ON memberships (team_id, lower(title))
    WHERE archived_at IS NULL;
