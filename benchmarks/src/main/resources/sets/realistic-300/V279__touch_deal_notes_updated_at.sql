CREATE TRIGGER deal_notes_set_updated_at
    BEFORE UPDATE ON deal_notes
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();
