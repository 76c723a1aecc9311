ALTER TABLE webhook_deliveries ADD COLUMN legacy_ref varchar(40);
