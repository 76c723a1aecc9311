CREATE VIEW sprint_goals_active AS
SELECT t.id,
       t.sprint_id,
       t.name,
       t.created_at
FROM sprint_goals t
WHERE t.archived_at IS NULL;
