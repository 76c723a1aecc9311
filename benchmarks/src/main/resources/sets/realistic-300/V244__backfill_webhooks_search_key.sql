ALTER TABLE webhooks ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE webhooks DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE webhooks SET search_key = lower(name)
        WHERE id IN (SELECT id FROM webhooks WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE webhooks ENABLE TRIGGER USER;
ALTER TABLE webhooks ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX webhooks_search_key_idx ON webhooks (search_key);
