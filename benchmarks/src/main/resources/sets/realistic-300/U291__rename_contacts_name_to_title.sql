ALTER TABLE contacts RENAME COLUMN title TO name;
