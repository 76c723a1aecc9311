-- the audit log keeps a year; a nightly job calls this in batches
CREATE PROCEDURE purge_audit_log(p_before timestamptz, p_batch integer DEFAULT 5000)
    LANGUAGE plpgsql
    SET search_path = public
AS $$
DECLARE
    deleted integer;
BEGIN
    LOOP
        DELETE FROM audit_log
        WHERE id IN (SELECT id FROM audit_log WHERE changed_at < p_before LIMIT p_batch);
        GET DIAGNOSTICS deleted = ROW_COUNT;
        EXIT WHEN deleted = 0;
    END LOOP;
END;
$$;
