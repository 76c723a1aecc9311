-- most screens list only what is not archived
CREATE INDEX labels_open_project_idx ON labels (project_id)
    WHERE archived_at IS NULL;
