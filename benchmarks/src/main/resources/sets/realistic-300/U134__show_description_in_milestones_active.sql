DROP VIEW milestones_overview;
DROP VIEW milestones_active;
CREATE VIEW milestones_active AS
SELECT t.id,
       t.project_id,
       t.name,
       t.created_at
FROM milestones t
WHERE t.archived_at IS NULL;
CREATE VIEW milestones_overview AS
SELECT a.id,
       a.name,
       a.created_at,
       p.id AS project_id,
       p.title AS project_name
FROM milestones_active a
JOIN projects p ON p.id = a.project_id;
