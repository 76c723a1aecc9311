DROP VIEW open_invoice;
DROP INDEX invoice_account_idx;
ALTER TABLE invoice DROP COLUMN paid_at;
