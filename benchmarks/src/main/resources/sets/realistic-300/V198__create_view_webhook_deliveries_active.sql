CREATE VIEW webhook_deliveries_active AS
SELECT t.id,
       t.webhook_id,
       t.name,
       t.created_at
FROM webhook_deliveries t
WHERE t.archived_at IS NULL;
