DROP INDEX invoices_number_key;
ALTER TABLE invoices DROP COLUMN number;
