CREATE VIEW documents_active AS
SELECT t.id,
       t.project_id,
       t.name,
       t.created_at
FROM documents t
WHERE t.archived_at IS NULL;
