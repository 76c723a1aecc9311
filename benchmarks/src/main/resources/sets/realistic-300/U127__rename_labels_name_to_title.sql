ALTER TABLE labels RENAME COLUMN title TO name;
