-- the import from the old system is long finished
ALTER TABLE webhook_deliveries DROP COLUMN legacy_ref;
