ALTER TABLE contacts RENAME COLUMN name TO title;
