ALTER TABLE payments RENAME COLUMN title TO name;
