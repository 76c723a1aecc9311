DROP VIEW memberships_active;
CREATE VIEW memberships_active AS
SELECT t.id,
       t.team_id,
       t.title AS name,
       t.created_at
FROM memberships t
WHERE t.archived_at IS NULL;
