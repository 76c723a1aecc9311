CREATE TRIGGER sprints_set_updated_at
    BEFORE UPDATE ON sprints
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();
