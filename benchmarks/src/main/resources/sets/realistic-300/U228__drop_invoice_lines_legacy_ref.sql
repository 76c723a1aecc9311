ALTER TABLE invoice_lines ADD COLUMN legacy_ref varchar(40);
