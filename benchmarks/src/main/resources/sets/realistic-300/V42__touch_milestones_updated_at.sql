CREATE TRIGGER milestones_set_updated_at
    BEFORE UPDATE ON milestones
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();
