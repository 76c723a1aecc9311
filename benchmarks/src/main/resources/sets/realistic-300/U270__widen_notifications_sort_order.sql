ALTER TABLE notifications ALTER COLUMN sort_order TYPE smallint;
