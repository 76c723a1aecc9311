ALTER TABLE payments ALTER COLUMN sort_order TYPE integer;
