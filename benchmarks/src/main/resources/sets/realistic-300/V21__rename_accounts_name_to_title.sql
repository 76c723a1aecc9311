ALTER TABLE accounts RENAME COLUMN name TO title;
