CREATE VIEW invoice_lines_active AS
SELECT t.id,
       t.invoice_id,
       t.name,
       t.created_at
FROM invoice_lines t
WHERE t.archived_at IS NULL;
