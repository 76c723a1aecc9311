CREATE UNIQUE INDEX document_versions_lower_label_idx ON document_versions (document_id, lower(title))
    WHERE archived_at IS NULL;
