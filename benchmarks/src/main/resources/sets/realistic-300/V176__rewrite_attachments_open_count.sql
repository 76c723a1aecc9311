CREATE OR REPLACE FUNCTION attachments_open_count(p_task_id bigint)
    RETURNS bigint
    LANGUAGE plpgsql
    STABLE
    SET search_path = public
AS $$
DECLARE
    open_rows bigint;
BEGIN
    SELECT count(*) INTO open_rows
    FROM attachments
    WHERE task_id = p_task_id AND archived_at IS NULL
      AND created_at <= now();
    RETURN coalesce(open_rows, 0);
END;
$$;
