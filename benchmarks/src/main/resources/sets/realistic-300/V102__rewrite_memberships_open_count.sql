CREATE OR REPLACE FUNCTION memberships_open_count(p_team_id bigint)
    RETURNS bigint
    LANGUAGE plpgsql
    STABLE
    SET search_path = public
AS $$
DECLARE
    open_rows bigint;
BEGIN
    SELECT count(*) INTO open_rows
    FROM memberships
    WHERE team_id = p_team_id AND archived_at IS NULL
      AND created_at <= now();
    RETURN coalesce(open_rows, 0);
END;
$$;
