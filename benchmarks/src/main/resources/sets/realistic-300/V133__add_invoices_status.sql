CREATE TYPE invoice_status AS ENUM ('draft', 'active', 'closed');

ALTER TABLE invoices ADD COLUMN status invoice_status NOT NULL DEFAULT 'draft';
