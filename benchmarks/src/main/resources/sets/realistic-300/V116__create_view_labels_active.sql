CREATE VIEW labels_active AS
SELECT t.id,
       t.project_id,
       t.name,
       t.created_at
FROM labels t
WHERE t.archived_at IS NULL;
