ALTER TABLE webhook_deliveries RENAME COLUMN title TO name;
