CREATE VIEW document_versions_overview AS
SELECT a.id,
       a.name,
       a.created_at,
       p.id AS document_id,
       p.name AS document_name
FROM document_versions_active a
JOIN documents p ON p.id = a.document_id;
