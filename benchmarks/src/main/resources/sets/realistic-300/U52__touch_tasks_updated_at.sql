DROP TRIGGER tasks_set_updated_at ON tasks;
