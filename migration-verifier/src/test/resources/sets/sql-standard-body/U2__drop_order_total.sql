-- the undo brings the function back as it was, body and all
CREATE FUNCTION order_total(o bigint) RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT 1 FROM order_lines WHERE order_id = o LIMIT 1;
    SELECT coalesce(sum(amount), 0) FROM order_lines WHERE order_id = o;
END;
