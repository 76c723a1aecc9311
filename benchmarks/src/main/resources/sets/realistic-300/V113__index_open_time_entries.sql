-- most screens list only what is not archived
CREATE INDEX time_entries_open_task_idx ON time_entries (task_id)
    WHERE archived_at IS NULL;
