DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT code FROM tenants LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I', 'orders_' || t.code);
    END LOOP;
END
$$;
