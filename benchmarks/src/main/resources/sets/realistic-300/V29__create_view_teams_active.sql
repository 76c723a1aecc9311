CREATE VIEW teams_active AS
SELECT t.id,
       t.account_id,
       t.name,
       t.created_at
FROM teams t
WHERE t.archived_at IS NULL;
