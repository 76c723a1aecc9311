-- most screens list only what is not archived
CREATE INDEX accounts_open_created_idx ON accounts (created_at)
    WHERE archived_at IS NULL;
