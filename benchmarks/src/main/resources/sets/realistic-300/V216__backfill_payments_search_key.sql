ALTER TABLE payments ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE payments DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE payments SET search_key = lower(title)
        WHERE id IN (SELECT id FROM payments WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE payments ENABLE TRIGGER USER;
ALTER TABLE payments ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX payments_search_key_idx ON payments (search_key);
