CREATE UNIQUE INDEX sprint_goals_lower_label_idx ON sprint_goals (sprint_id, lower(name))
    WHERE archived_at IS NULL;
