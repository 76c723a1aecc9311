CREATE VIEW labels_overview AS
SELECT a.id,
       a.name,
       a.created_at,
       p.id AS project_id,
       p.title AS project_name
FROM labels_active a
JOIN projects p ON p.id = a.project_id;
