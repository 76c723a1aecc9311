-- the import from the old system is long finished
ALTER TABLE invoice_lines DROP COLUMN legacy_ref;
