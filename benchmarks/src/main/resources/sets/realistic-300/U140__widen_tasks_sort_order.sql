ALTER TABLE tasks ALTER COLUMN sort_order TYPE smallint;
