CREATE UNIQUE INDEX labels_lower_label_idx ON labels (project_id, lower(title))
    WHERE archived_at IS NULL;
