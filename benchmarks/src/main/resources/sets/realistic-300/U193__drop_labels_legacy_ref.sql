ALTER TABLE labels ADD COLUMN legacy_ref varchar(40);
