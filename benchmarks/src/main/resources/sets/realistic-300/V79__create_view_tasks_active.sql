CREATE VIEW tasks_active AS
SELECT t.id,
       t.project_id,
       t.name,
       t.created_at
FROM tasks t
WHERE t.archived_at IS NULL;
