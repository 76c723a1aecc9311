ALTER TABLE users ALTER COLUMN sort_order TYPE smallint;
