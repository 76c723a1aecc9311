-- PostgreSQL cannot drop an enum value: build the type again without it
ALTER TYPE invoice_status RENAME TO invoice_status_old;
CREATE TYPE invoice_status AS ENUM ('draft', 'active', 'closed');
ALTER TABLE invoices ALTER COLUMN status DROP DEFAULT;
ALTER TABLE invoices ALTER COLUMN status TYPE invoice_status USING status::text::invoice_status;
ALTER TABLE invoices ALTER COLUMN status SET DEFAULT 'draft';
DROP TYPE invoice_status_old;
