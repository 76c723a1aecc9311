ALTER TABLE memberships RENAME COLUMN name TO title;
