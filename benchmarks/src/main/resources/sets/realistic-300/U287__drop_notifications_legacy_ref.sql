ALTER TABLE notifications ADD COLUMN legacy_ref varchar(40);
