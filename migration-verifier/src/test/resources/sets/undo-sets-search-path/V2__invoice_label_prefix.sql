CREATE OR REPLACE FUNCTION invoice_label(i invoices) RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT 'INV-' || i.number $$;
