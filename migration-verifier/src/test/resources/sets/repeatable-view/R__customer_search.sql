CREATE OR REPLACE FUNCTION customer_search(term text) RETURNS SETOF customers
    LANGUAGE sql STABLE AS $$
    SELECT * FROM customers WHERE name ILIKE '%' || term || '%' OR email ILIKE '%' || term || '%';
$$;
