CREATE TRIGGER attachments_set_updated_at
    BEFORE UPDATE ON attachments
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();
