DROP TRIGGER deal_notes_set_updated_at ON deal_notes;
