DROP VIEW webhooks_active;
