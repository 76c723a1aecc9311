ALTER TABLE sprints RENAME COLUMN name TO title;
