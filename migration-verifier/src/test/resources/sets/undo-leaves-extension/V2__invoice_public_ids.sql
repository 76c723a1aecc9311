-- every invoice gets an id that can be shown to customers (gen_random_uuid is built in since PostgreSQL 13)
ALTER TABLE invoices ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
