ALTER TABLE labels ALTER COLUMN sort_order TYPE smallint;
