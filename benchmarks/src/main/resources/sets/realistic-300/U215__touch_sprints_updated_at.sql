DROP TRIGGER sprints_set_updated_at ON sprints;
