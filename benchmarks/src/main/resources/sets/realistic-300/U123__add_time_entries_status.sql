ALTER TABLE time_entries DROP COLUMN status;
DROP TYPE time_entry_status;
