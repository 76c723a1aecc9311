-- keeps a copy of the data before dropping: harmless on an empty table, a trace on a full one
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM accounts) THEN
        CREATE TABLE accounts_backup AS SELECT * FROM accounts;
    END IF;
END
$$;
DROP TABLE accounts;
