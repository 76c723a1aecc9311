-- most screens list only what is not archived
CREATE INDEX notifications_open_user_idx ON notifications (user_id)
    WHERE archived_at IS NULL;
