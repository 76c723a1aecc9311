ALTER TABLE projects RENAME COLUMN title TO name;
