ALTER TABLE accounts ADD COLUMN legacy_ref varchar(40);
