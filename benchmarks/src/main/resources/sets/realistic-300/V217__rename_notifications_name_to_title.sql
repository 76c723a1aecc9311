ALTER TABLE notifications RENAME COLUMN name TO title;
