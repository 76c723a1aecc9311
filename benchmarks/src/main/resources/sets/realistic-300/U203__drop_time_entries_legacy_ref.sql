ALTER TABLE time_entries ADD COLUMN legacy_ref varchar(40);
