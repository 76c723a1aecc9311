-- credit notes are invoices with a negative total
ALTER TABLE invoices DROP CONSTRAINT invoices_total_check;
ALTER TABLE invoices ADD CONSTRAINT invoices_total_check CHECK (total_cents >= -10000000);
