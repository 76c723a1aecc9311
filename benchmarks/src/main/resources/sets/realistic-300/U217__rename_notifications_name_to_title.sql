ALTER TABLE notifications RENAME COLUMN title TO name;
