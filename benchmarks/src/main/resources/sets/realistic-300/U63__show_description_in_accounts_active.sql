DROP VIEW accounts_active;
CREATE VIEW accounts_active AS
SELECT t.id,
       t.title AS name,
       t.created_at
FROM accounts t
WHERE t.archived_at IS NULL;
