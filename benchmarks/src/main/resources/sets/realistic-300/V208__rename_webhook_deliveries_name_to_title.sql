ALTER TABLE webhook_deliveries RENAME COLUMN name TO title;
