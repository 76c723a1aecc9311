ALTER TABLE time_entries RENAME COLUMN title TO name;
