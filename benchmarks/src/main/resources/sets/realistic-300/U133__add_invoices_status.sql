ALTER TABLE invoices DROP COLUMN status;
DROP TYPE invoice_status;
