CREATE OR REPLACE FUNCTION invoice_lines_open_count(p_invoice_id bigint)
    RETURNS bigint
    LANGUAGE plpgsql
    STABLE
    SET search_path = public
AS $$
DECLARE
    open_rows bigint;
BEGIN
    SELECT count(*) INTO open_rows
    FROM invoice_lines
    WHERE invoice_id = p_invoice_id AND archived_at IS NULL
      AND created_at <= now();
    RETURN coalesce(open_rows, 0);
END;
$$;
