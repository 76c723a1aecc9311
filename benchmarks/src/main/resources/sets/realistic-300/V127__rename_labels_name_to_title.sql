ALTER TABLE labels RENAME COLUMN name TO title;
