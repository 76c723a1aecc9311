DROP VIEW webhook_deliveries_active;
