-- back to serial by rebuilding the column: the new serial is created while the identity still holds
-- invoices_id_seq, so PostgreSQL names its sequence invoices_id_seq1
ALTER TABLE invoices RENAME COLUMN id TO old_id;
ALTER TABLE invoices ADD COLUMN id serial;
UPDATE invoices SET id = old_id;
ALTER TABLE invoices DROP CONSTRAINT invoices_pkey;
ALTER TABLE invoices DROP COLUMN old_id;
ALTER TABLE invoices ADD PRIMARY KEY (id);
