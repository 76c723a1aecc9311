ALTER TABLE webhooks DROP COLUMN status;
DROP TYPE webhook_status;
