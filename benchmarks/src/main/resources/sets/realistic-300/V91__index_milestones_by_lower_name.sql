CREATE UNIQUE INDEX milestones_lower_label_idx ON milestones (project_id, lower(name))
    WHERE archived_at IS NULL;
