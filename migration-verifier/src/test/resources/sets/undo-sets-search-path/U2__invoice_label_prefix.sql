-- restores the body, and "hardens" the function on the way: a search path V1 never set
CREATE OR REPLACE FUNCTION invoice_label(i invoices) RETURNS text LANGUAGE sql STABLE
    SET search_path = public, pg_temp
    AS $$ SELECT i.number || ' / ' || i.total_cents $$;
