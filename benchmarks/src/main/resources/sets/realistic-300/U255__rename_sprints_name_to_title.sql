ALTER TABLE sprints RENAME COLUMN title TO name;
