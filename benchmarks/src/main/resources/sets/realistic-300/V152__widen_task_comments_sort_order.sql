ALTER TABLE task_comments ALTER COLUMN sort_order TYPE integer;
