CREATE TYPE order_status AS ENUM ('new', 'paid');
ALTER TABLE orders ADD COLUMN status order_status NOT NULL DEFAULT 'new';
ALTER TABLE accounts ADD COLUMN nickname text;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEW; -- a semicolon inside a dollar quote
END
$$;
