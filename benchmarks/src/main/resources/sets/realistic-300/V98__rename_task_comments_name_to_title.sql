ALTER TABLE task_comments RENAME COLUMN name TO title;
