ALTER TABLE task_comments RENAME COLUMN title TO name;
