CREATE VIEW milestones_active AS
SELECT t.id,
       t.project_id,
       t.name,
       t.created_at
FROM milestones t
WHERE t.archived_at IS NULL;
