DROP TRIGGER webhooks_set_updated_at ON webhooks;
