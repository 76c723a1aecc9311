ALTER TABLE payments ADD COLUMN legacy_ref varchar(40);
