CREATE SEQUENCE invoice_number_seq AS bigint START WITH 1000;
ALTER TABLE invoices ADD COLUMN number bigint NOT NULL DEFAULT nextval('invoice_number_seq');
ALTER SEQUENCE invoice_number_seq OWNED BY invoices.number;
ALTER TABLE invoices ADD CONSTRAINT invoices_number_key UNIQUE (number);
