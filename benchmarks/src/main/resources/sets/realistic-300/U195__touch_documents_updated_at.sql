DROP TRIGGER documents_set_updated_at ON documents;
