CREATE VIEW memberships_active AS
SELECT t.id,
       t.team_id,
       t.name,
       t.created_at
FROM memberships t
WHERE t.archived_at IS NULL;
