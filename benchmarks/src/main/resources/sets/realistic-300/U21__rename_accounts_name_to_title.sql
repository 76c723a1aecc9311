ALTER TABLE accounts RENAME COLUMN title TO name;
