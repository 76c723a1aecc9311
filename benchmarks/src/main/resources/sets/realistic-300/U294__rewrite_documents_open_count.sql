CREATE OR REPLACE FUNCTION documents_open_count(p_project_id bigint)
    RETURNS bigint
    LANGUAGE plpgsql
    STABLE
    SET search_path = public
AS $$
DECLARE
    open_rows bigint;
BEGIN
    SELECT count(*) INTO open_rows FROM documents WHERE project_id = p_project_id AND archived_at IS NULL;
    RETURN open_rows;
END;
$$;
