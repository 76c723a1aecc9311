CREATE OR REPLACE FUNCTION api_keys_open_count(p_user_id bigint)
    RETURNS bigint
    LANGUAGE plpgsql
    STABLE
    SET search_path = public
AS $$
DECLARE
    open_rows bigint;
BEGIN
    SELECT count(*) INTO open_rows FROM api_keys WHERE user_id = p_user_id AND archived_at IS NULL;
    RETURN open_rows;
END;
$$;
