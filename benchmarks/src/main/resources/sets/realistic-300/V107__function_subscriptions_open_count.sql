CREATE FUNCTION subscriptions_open_count(p_account_id bigint)
    RETURNS bigint
    LANGUAGE plpgsql
    STABLE
    SET search_path = public
AS $$
DECLARE
    open_rows bigint;
BEGIN
    SELECT count(*) INTO open_rows FROM subscriptions WHERE account_id = p_account_id AND archived_at IS NULL;
    RETURN open_rows;
END;
$$;
