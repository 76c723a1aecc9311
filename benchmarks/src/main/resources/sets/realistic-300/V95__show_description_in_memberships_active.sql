CREATE OR REPLACE VIEW memberships_active AS
SELECT t.id,
       t.team_id,
       t.title AS name,
       t.created_at,
       t.description
FROM memberships t
WHERE t.archived_at IS NULL;
