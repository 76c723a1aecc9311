CREATE TABLE order_lines (
    order_id bigint  NOT NULL,
    line     integer NOT NULL,
    amount   numeric(12, 2) NOT NULL,
    PRIMARY KEY (order_id, line)
);

-- a SQL-standard body (PostgreSQL 14+): its statements end in semicolons of their own (no CASE ... END
-- inside: Flyway 11.7 takes its END for the body's and splits the statement there)
CREATE FUNCTION order_total(o bigint) RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT 1 FROM order_lines WHERE order_id = o LIMIT 1;
    SELECT coalesce(sum(amount), 0) FROM order_lines WHERE order_id = o;
END;
