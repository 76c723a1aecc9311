DROP TRIGGER attachments_set_updated_at ON attachments;
