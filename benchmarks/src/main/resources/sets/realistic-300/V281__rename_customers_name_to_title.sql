ALTER TABLE customers RENAME COLUMN name TO title;
