ALTER TABLE payments RENAME COLUMN name TO title;
