DROP TRIGGER integrations_set_updated_at ON integrations;
