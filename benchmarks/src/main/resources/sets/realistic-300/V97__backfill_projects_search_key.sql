ALTER TABLE projects ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE projects DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE projects SET search_key = lower(title)
        WHERE id IN (SELECT id FROM projects WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE projects ENABLE TRIGGER USER;
ALTER TABLE projects ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX projects_search_key_idx ON projects (search_key);
