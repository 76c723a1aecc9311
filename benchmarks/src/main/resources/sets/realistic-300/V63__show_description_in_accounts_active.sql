CREATE OR REPLACE VIEW accounts_active AS
SELECT t.id,
       t.title AS name,
       t.created_at,
       t.description
FROM accounts t
WHERE t.archived_at IS NULL;
