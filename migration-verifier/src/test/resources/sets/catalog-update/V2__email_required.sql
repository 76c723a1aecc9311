-- changes the catalog without DDL, which no event trigger sees
UPDATE pg_catalog.pg_attribute SET attnotnull = true
WHERE attrelid = 'accounts'::pg_catalog.regclass AND attname = 'email';
