ALTER TABLE labels ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE labels DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE labels SET search_key = lower(title)
        WHERE id IN (SELECT id FROM labels WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE labels ENABLE TRIGGER USER;
ALTER TABLE labels ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX labels_search_key_idx ON labels (search_key);
