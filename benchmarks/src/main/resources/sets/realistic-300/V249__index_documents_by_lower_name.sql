CREATE UNIQUE INDEX documents_lower_label_idx ON documents (project_id, lower(name))
    WHERE archived_at IS NULL;
