ALTER TABLE time_entries RENAME COLUMN name TO title;
