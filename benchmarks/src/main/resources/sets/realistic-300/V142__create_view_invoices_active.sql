CREATE VIEW invoices_active AS
SELECT t.id,
       t.account_id,
       t.name,
       t.created_at
FROM invoices t
WHERE t.archived_at IS NULL;
