DROP VIEW invoices_overview;
DROP VIEW invoices_active;
CREATE VIEW invoices_active AS
SELECT t.id,
       t.account_id,
       t.name,
       t.created_at
FROM invoices t
WHERE t.archived_at IS NULL;
CREATE VIEW invoices_overview AS
SELECT a.id,
       a.name,
       a.created_at,
       p.id AS account_id,
       p.title AS account_name
FROM invoices_active a
JOIN accounts p ON p.id = a.account_id;
