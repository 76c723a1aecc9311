CREATE TRIGGER sprint_goals_set_updated_at
    BEFORE UPDATE ON sprint_goals
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();
