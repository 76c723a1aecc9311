DROP TRIGGER contacts_set_updated_at ON contacts;
