-- most screens list only what is not archived
CREATE INDEX projects_open_team_idx ON projects (team_id)
    WHERE archived_at IS NULL;
