-- most screens list only what is not archived
CREATE INDEX sprints_open_project_idx ON sprints (project_id)
    WHERE archived_at IS NULL;
