ALTER TABLE invoices DROP CONSTRAINT invoices_number_key;
ALTER TABLE invoices DROP COLUMN number;
DROP SEQUENCE IF EXISTS invoice_number_seq;
