DROP TRIGGER time_entries_set_updated_at ON time_entries;
