CREATE VIEW accounts_active AS
SELECT t.id,
       t.name,
       t.created_at
FROM accounts t
WHERE t.archived_at IS NULL;
