ALTER TABLE projects ALTER COLUMN sort_order TYPE integer;
