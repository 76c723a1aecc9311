ALTER TABLE webhook_deliveries ALTER COLUMN sort_order TYPE integer;
