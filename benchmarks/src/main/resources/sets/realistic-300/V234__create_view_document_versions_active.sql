CREATE VIEW document_versions_active AS
SELECT t.id,
       t.document_id,
       t.name,
       t.created_at
FROM document_versions t
WHERE t.archived_at IS NULL;
