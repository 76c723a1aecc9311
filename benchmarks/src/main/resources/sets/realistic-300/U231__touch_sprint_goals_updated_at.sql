DROP TRIGGER sprint_goals_set_updated_at ON sprint_goals;
