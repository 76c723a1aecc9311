ALTER TABLE invoices ADD COLUMN number text;
UPDATE invoices SET number = 'INV-' || lpad(id::text, 6, '0');
ALTER TABLE invoices ALTER COLUMN number SET NOT NULL;
CREATE UNIQUE INDEX invoices_number_key ON invoices (number);
