ALTER TABLE time_entries ALTER COLUMN sort_order TYPE integer;
