CREATE TABLE accounts (id int PRIMARY KEY);
-- a second run takes the other branch: the marker schema that the first run left behind decides
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'marker') THEN
        ALTER TABLE accounts ADD COLUMN second_run boolean;
    ELSE
        CREATE SCHEMA marker;
    END IF;
END
$$;
