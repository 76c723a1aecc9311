ALTER TABLE customers RENAME COLUMN title TO name;
