CREATE OR REPLACE VIEW invoices_active AS
SELECT t.id,
       t.account_id,
       t.name,
       t.created_at,
       t.description
FROM invoices t
WHERE t.archived_at IS NULL;
