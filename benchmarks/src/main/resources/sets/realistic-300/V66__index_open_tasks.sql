-- most screens list only what is not archived
CREATE INDEX tasks_open_project_idx ON tasks (project_id)
    WHERE archived_at IS NULL;
