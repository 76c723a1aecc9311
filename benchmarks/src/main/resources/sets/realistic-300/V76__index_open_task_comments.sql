-- most screens list only what is not archived
CREATE INDEX task_comments_open_task_idx ON task_comments (task_id)
    WHERE archived_at IS NULL;
