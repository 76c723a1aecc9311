ALTER TABLE memberships RENAME COLUMN title TO name;
