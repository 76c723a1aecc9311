DROP TRIGGER labels_set_updated_at ON labels;
