ALTER TABLE accounts ALTER COLUMN sort_order TYPE integer;
