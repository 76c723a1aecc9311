-- most screens list only what is not archived
CREATE INDEX webhook_deliveries_open_webhook_idx ON webhook_deliveries (webhook_id)
    WHERE archived_at IS NULL;
