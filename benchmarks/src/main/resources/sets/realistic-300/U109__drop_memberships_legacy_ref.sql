ALTER TABLE memberships ADD COLUMN legacy_ref varchar(40);
