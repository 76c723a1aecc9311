-- most screens list only what is not archived
CREATE INDEX document_versions_open_document_idx ON document_versions (document_id)
    WHERE archived_at IS NULL;
