DROP VIEW webhooks_overview;
