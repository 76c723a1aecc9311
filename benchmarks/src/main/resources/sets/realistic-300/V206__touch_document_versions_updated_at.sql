CREATE TRIGGER document_versions_set_updated_at
    BEFORE UPDATE ON document_versions
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();
