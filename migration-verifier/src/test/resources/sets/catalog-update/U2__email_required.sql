UPDATE pg_catalog.pg_attribute SET attnotnull = false
WHERE attrelid = 'accounts'::pg_catalog.regclass AND attname = 'email';
