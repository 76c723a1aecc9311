CREATE VIEW webhook_deliveries_overview AS
SELECT a.id,
       a.name,
       a.created_at,
       p.id AS webhook_id,
       p.name AS webhook_name
FROM webhook_deliveries_active a
JOIN webhooks p ON p.id = a.webhook_id;
