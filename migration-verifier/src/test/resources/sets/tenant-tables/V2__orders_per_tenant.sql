-- one orders table per tenant that exists when this runs
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT code FROM tenants LOOP
        EXECUTE format('CREATE TABLE %I (id bigserial PRIMARY KEY, total numeric(12,2) NOT NULL)', 'orders_' || t.code);
    END LOOP;
END
$$;
