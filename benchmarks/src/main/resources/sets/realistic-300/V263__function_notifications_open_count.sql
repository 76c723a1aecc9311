CREATE FUNCTION notifications_open_count(p_user_id bigint)
    RETURNS bigint
    LANGUAGE plpgsql
    STABLE
    SET search_path = public
AS $$
DECLARE
    open_rows bigint;
BEGIN
    SELECT count(*) INTO open_rows FROM notifications WHERE user_id = p_user_id AND archived_at IS NULL;
    RETURN open_rows;
END;
$$;
