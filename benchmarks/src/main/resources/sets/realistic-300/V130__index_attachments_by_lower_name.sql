CREATE UNIQUE INDEX attachments_lower_label_idx ON attachments (task_id, lower(name))
    WHERE archived_at IS NULL;
