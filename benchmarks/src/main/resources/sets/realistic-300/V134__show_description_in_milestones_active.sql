CREATE OR REPLACE VIEW milestones_active AS
SELECT t.id,
       t.project_id,
       t.name,
       t.created_at,
       t.description
FROM milestones t
WHERE t.archived_at IS NULL;
